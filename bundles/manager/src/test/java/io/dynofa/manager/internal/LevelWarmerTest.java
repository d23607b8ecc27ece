package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.runtime.api.KeepWarmState;
import io.dynofa.runtime.api.KeepWarmState.Mode;
import io.dynofa.runtime.api.KeepWarmState.Pause;
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

        Waits.await("both neighbours warmed several times")

            .untilAsserted(() -> assertTrue("state: " + models.toString(),
                models.get(1).runs() >= 6 && models.get(3).runs() >= 6));

        assertEquals("l0 is two steps away", 0, models.get(0).runs());
        assertEquals("l4 is two steps away", 0, models.get(4).runs());
    }

    @Test
    public void theLevelServedBeforeIsKeptWarmTooWhereverItIs() {
        ActiveSet set = serve(6, 5, 0);
        set.select(0);
        startClient(set);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 2, 1, 1.0, 1.0), cpuLoad::get);

        Waits.await("l1 and l5 warmed")

            .untilAsserted(() -> assertTrue("state: " + models.toString(),
                models.get(1).runs() >= 3 && models.get(5).runs() >= 3));

        assertEquals(0, models.get(2).runs() + models.get(3).runs() + models.get(4).runs());
    }

    @Test
    public void moreNeighboursReachFurther() {
        serve(5, 0, 0);
        startClient(engine.active());
        warmer = new LevelWarmer(engine, new KeepWarm(2, 2, 1, 1.0, 1.0), cpuLoad::get);

        Waits.await("l1 and l2 warmed")

            .untilAsserted(() -> assertTrue("state: " + models.toString(),
                models.get(1).runs() >= 3 && models.get(2).runs() >= 3));

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
        Waits.await("requests served").until(() -> engine.served() > 20);
        assertEquals("pinned: no warming", 0, models.get(0).runs() + models.get(2).runs());

        warmer.holding(false);
        Waits.await("warming resumed")
            .untilAsserted(() -> assertTrue("state: " + models.toString(),
                models.get(0).runs() > 0 && models.get(2).runs() > 0));
    }

    @Test
    public void roundsPauseWhileTheCpuIsSaturatedButTheRunBeforeASwitchDoesNot() {
        ActiveSet set = serve(3, 1, 0);
        cpuLoad.set(0.95);
        startClient(set);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 2, 2, 1.0, 0.9), cpuLoad::get);
        Waits.await("requests served").until(() -> engine.served() > 30);
        assertEquals("saturated: no rounds", 0, models.get(0).runs() + models.get(2).runs());
        assertTrue(warmer.prepare(set, 2));
        assertEquals(1, models.get(2).runs());

        cpuLoad.set(0.5);
        Waits.await("rounds resumed")
            .untilAsserted(() -> assertTrue("state: " + models.toString(),
                models.get(0).runs() > 0));
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
        Waits.await("requests served").until(() -> engine.served() > 30);
        assertEquals(0, models.get(0).runs() + models.get(2).runs());
    }

    @Test
    public void aRetiredSetIsNeverRunAfterItsModelsClosed() {
        ActiveSet set = serve(3, 1, 1);
        startClient(set);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 1, 2, 1.0, 1.0), cpuLoad::get);
        Waits.await("warming").until(() -> models.get(0).runs() > 0);

        residency.retire(s -> s == set, false, null, "test");
        Waits.await("closed").until(set::isClosed);

        assertFalse(warmer.prepare(set, 2));
        models.forEach(m -> assertEquals(m.toString(), 0, m.runsAfterClose()));
    }

    @Test
    public void theIntervalStretchesToKeepWithinItsShareOfACore() {
        serve(3, 1, 5);
        startClient(engine.active());
        warmer = new LevelWarmer(engine, new KeepWarm(1, 1, 1, 0.1, 1.0), cpuLoad::get);
        Waits.await("a warming round").until(() -> warmer.state().mode() == Mode.WARMING);

        // a round of 2 runs of at least 5 ms each, at most 10 % of a core: the next round is 100 ms or more away
        assertTrue(warmer.state().toString(), warmer.state().intervalMs() >= 100);
    }

    @Test
    public void theStateAndItsTextTellWhatTheLastRoundDid() {
        ActiveSet set = serve(6, 5, 0);
        set.select(0);
        warmer = new LevelWarmer(engine, new KeepWarm(1, 2, 1, 1.0, 0.9), cpuLoad::get);
        awaitState(new KeepWarmState(Mode.PAUSED, Pause.NO_REQUESTS, List.of(), 2), "paused: no requests");

        startClient(set);
        awaitState(new KeepWarmState(Mode.WARMING, null, List.of("l1", "l5"), 2), "warming l1, l5 every 2 ms");

        cpuLoad.set(0.95);
        awaitState(new KeepWarmState(Mode.PAUSED, Pause.CPU_LOAD, List.of(), 2),
            "paused: system CPU load 0.95, at or above 0.90");
        cpuLoad.set(0.2);

        warmer.holding(true);
        awaitState(new KeepWarmState(Mode.PAUSED, Pause.PINNED, List.of(), 2), "paused: a level is pinned");

        warmer.configure(new KeepWarm(0, 2, 1, 1.0, 0.9));
        assertEquals("at once", new KeepWarmState(Mode.OFF, null, List.of(), 2), warmer.state());
        assertEquals("off", warmer.describe());
    }

    private void awaitState(KeepWarmState state, String text) {
        Waits.await("keep warm " + state).until(() -> warmer.state().equals(state));
        assertEquals(text, warmer.describe());
    }
}
