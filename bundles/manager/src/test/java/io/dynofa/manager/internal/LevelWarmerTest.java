package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Test;

public class LevelWarmerTest {
    private final List<FakeModel> models = new ArrayList<>();
    private final InferenceEngine engine = new InferenceEngine();
    private final Residency residency = new Residency(engine);
    private final AtomicBoolean serving = new AtomicBoolean(true);
    private final AtomicReference<Double> cpuLoad = new AtomicReference<>(Double.NaN);
    private LevelWarmer warmer;
    private Thread client;

    @After
    public void stop() throws InterruptedException {
        serving.set(false);
        if (client != null) {
            client.join(5_000);
        }
        if (warmer != null) {
            warmer.shutdown();
        }
    }

    private ActiveSet serve(int levels, int current, long sleepMillis) {
        ActiveSet set = FakeSets.of(levels, sleepMillis, models);
        set.startAt(current);
        residency.serve(set);
        return set;
    }

    private void startClient(ActiveSet set) {
        client = new Thread(() -> {
            while (serving.get()) {
                try {
                    engine.infer(set.probe());
                    Thread.sleep(1);
                } catch (InferenceException | InterruptedException e) {
                    return;
                }
            }
        });
        client.setDaemon(true);
        client.start();
    }

    @Test
    public void whileServingTheLevelsNextToTheServingOneAreRunAndNoOthers() {
        ActiveSet set = serve(5, 2, 0);
        startClient(set);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 2, 2, 1.0, 1.0), cpuLoad::get);

        Await.until("both neighbours warmed several times", () -> models.get(1).runs() >= 6 && models.get(3).runs() >= 6,
            models::toString);

        assertEquals("l0 is two steps away", 0, models.get(0).runs());
        assertEquals("l4 is two steps away", 0, models.get(4).runs());
    }

    @Test
    public void theLevelServedBeforeIsKeptWarmTooWhereverItIs() {
        ActiveSet set = serve(6, 5, 0);
        set.select(0);
        startClient(set);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 2, 1, 1.0, 1.0), cpuLoad::get);

        Await.until("l1 and l5 warmed", () -> models.get(1).runs() >= 3 && models.get(5).runs() >= 3, models::toString);

        assertEquals(0, models.get(2).runs() + models.get(3).runs() + models.get(4).runs());
    }

    @Test
    public void moreNeighboursReachFurther() {
        serve(5, 0, 0);
        startClient(engine.active());
        warmer = new LevelWarmer(engine, new KeepWarm(2, 2, 1, 1.0, 1.0), cpuLoad::get);

        Await.until("l1 and l2 warmed", () -> models.get(1).runs() >= 3 && models.get(2).runs() >= 3, models::toString);

        assertEquals(0, models.get(3).runs());
        assertEquals(0, models.get(4).runs());
    }

    @Test
    public void nothingIsRunWithoutTrafficOrWhileALevelIsPinned() throws InterruptedException {
        serve(3, 1, 0);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 2, 2, 1.0, 1.0), cpuLoad::get);
        Thread.sleep(60);
        assertEquals("no requests: no warming", 0, models.get(0).runs() + models.get(2).runs());

        warmer.holding(true);
        startClient(engine.active());
        Await.until("requests served", () -> engine.served() > 20);
        assertEquals("pinned: no warming", 0, models.get(0).runs() + models.get(2).runs());

        warmer.holding(false);
        Await.until("warming resumed", () -> models.get(0).runs() > 0 && models.get(2).runs() > 0, models::toString);
    }

    @Test
    public void roundsPauseWhileTheCpuIsSaturatedButTheRunBeforeASwitchDoesNot() {
        ActiveSet set = serve(3, 1, 0);
        cpuLoad.set(0.95);
        startClient(set);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 2, 2, 1.0, 0.9), cpuLoad::get);
        Await.until("requests served", () -> engine.served() > 30);
        assertEquals("saturated: no rounds", 0, models.get(0).runs() + models.get(2).runs());
        assertTrue(warmer.prepare(set, 2));
        assertEquals(1, models.get(2).runs());

        cpuLoad.set(0.5);
        Await.until("rounds resumed", () -> models.get(0).runs() > 0, models::toString);
    }

    @Test
    public void prepareRunsTheTargetLevelOnceOnTheCallingThread() {
        ActiveSet set = serve(4, 0, 0);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 1_000, 3, 1.0, 1.0), cpuLoad::get);
        assertTrue(warmer.prepare(set, 3));
        assertEquals(Thread.currentThread(), models.get(3).lastRunner());
        assertEquals("one run, whatever keepWarmRuns says", 1, models.get(3).runs());
        assertFalse("the serving level", warmer.prepare(set, 0));
        assertFalse("out of range", warmer.prepare(set, 4));
        assertFalse("out of range", warmer.prepare(set, -1));
        assertEquals(1, models.get(3).runs());
        assertEquals(0, models.get(0).runs());
    }

    @Test
    public void aStandbySetsCurrentLevelIsNotServingSoPrepareRunsIt() {
        ActiveSet standby = FakeSets.of(2, 0, models);
        serve(2, 0, 0);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 1_000, 2, 1.0, 1.0), cpuLoad::get);

        assertTrue(warmer.prepare(standby, 0));
        assertEquals(1, models.get(0).runs());
    }

    @Test
    public void switchedOffItRunsNothing() {
        ActiveSet set = serve(3, 1, 0);
        startClient(set);
        warmer = new LevelWarmer(engine, new KeepWarm(0, 1, 2, 1.0, 1.0), cpuLoad::get);

        assertFalse(warmer.prepare(set, 2));
        Await.until("requests served", () -> engine.served() > 30);
        assertEquals(0, models.get(0).runs() + models.get(2).runs());
    }

    @Test
    public void aRetiredSetIsNeverRunAfterItsModelsClosed() {
        ActiveSet set = serve(3, 1, 1);
        startClient(set);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 1, 2, 1.0, 1.0), cpuLoad::get);
        Await.until("warming", () -> models.get(0).runs() > 0);

        residency.retire(s -> s == set, false, null, "test");
        Await.until("closed", set::isClosed);

        assertFalse(warmer.prepare(set, 2));
        models.forEach(m -> assertEquals(m.toString(), 0, m.runsAfterClose()));
    }

    @Test
    public void theIntervalStretchesToKeepWithinItsShareOfACore() throws InterruptedException {
        serve(3, 1, 5);
        startClient(engine.active());
        warmer = new LevelWarmer(engine, new KeepWarm(1, 1, 1, 0.1, 1.0), cpuLoad::get);
        Await.until("warming", () -> models.get(0).runs() > 0);
        int before = models.get(0).runs() + models.get(2).runs();
        Thread.sleep(500);
        int runs = models.get(0).runs() + models.get(2).runs() - before;

        // a round of 2 runs x 5 ms = 10 ms at most 10 % of a core: at least 100 ms apart, so <= 6 rounds in 0.5 s
        assertTrue("warm runs in 0.5 s: " + runs, runs <= 12);
    }

    @Test
    public void describeTellsWhatTheLastRoundDid() {
        ActiveSet set = serve(6, 5, 0);
        set.select(0);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 2, 1, 1.0, 0.9), cpuLoad::get);
        Await.until("idle", () -> warmer.describe().equals("paused: no requests"), warmer::describe);

        startClient(set);
        Await.until("warming the neighbour and the level served before",
            () -> warmer.describe().equals("warming l1, l5 every 2 ms"), warmer::describe);

        cpuLoad.set(0.95);
        Await.until("saturated", () -> warmer.describe().equals("paused: system CPU load 0.95, at or above 0.90"),
            warmer::describe);
        cpuLoad.set(0.2);

        warmer.holding(true);
        Await.until("pinned", () -> warmer.describe().equals("paused: a level is pinned"), warmer::describe);

        warmer.configure(new KeepWarm(0, 2, 1, 1.0, 0.9));
        assertEquals("at once", "off", warmer.describe());
    }
}
