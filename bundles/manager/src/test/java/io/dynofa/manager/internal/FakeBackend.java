package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A backend that "loads" the bytes {@link FakeFamily} hands out: each model sleeps the time set for
 * its level on every run and answers with logits whose argmax is the level's position in the family.
 */
final class FakeBackend implements DeviceBackend {
    static final int CLASSES = 16;

    private final String id;
    private final Map<String, Long> sleepMillisByLevel = new HashMap<>();
    private final Set<String> failingRuns = new HashSet<>();
    private final Set<String> crashingRuns = new HashSet<>();
    private final Set<String> nanOutputs = new HashSet<>();
    private final Map<String, Integer> classesByLevel = new HashMap<>();
    private final List<FakeModel> loaded = new CopyOnWriteArrayList<>();
    private volatile String unavailableReason;
    private volatile CountDownLatch loadGate = new CountDownLatch(0);
    private volatile String description;

    FakeBackend(String id) {
        this.id = id;
    }

    /** Every run of {@code levelId}'s model sleeps {@code millis}. */
    FakeBackend sleeping(String levelId, long millis) {
        sleepMillisByLevel.put(levelId, millis);
        return this;
    }

    /** Every run of {@code levelId}'s model throws a BackendException. */
    FakeBackend failingRunsOf(String levelId) {
        failingRuns.add(levelId);
        return this;
    }

    /** Every run of {@code levelId}'s model throws an unchecked exception (a backend bug). */
    FakeBackend crashingRunsOf(String levelId) {
        crashingRuns.add(levelId);
        return this;
    }

    /** Every run of {@code levelId}'s model answers with NaN logits. */
    FakeBackend nanOutputsOf(String levelId) {
        nanOutputs.add(levelId);
        return this;
    }

    /** {@code levelId}'s model answers with {@code classes} logits instead of the family's {@link #CLASSES}. */
    FakeBackend classes(String levelId, int classes) {
        classesByLevel.put(levelId, classes);
        return this;
    }

    /** Every load waits until {@link #openLoads} is called (a backend whose levels take long to load). */
    FakeBackend holdingLoads() {
        loadGate = new CountDownLatch(1);
        return this;
    }

    void openLoads() {
        loadGate.countDown();
    }

    void makeUnavailable(String reason) {
        unavailableReason = reason;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description != null ? description : "fake backend " + id;
    }

    /** From now on the backend describes its configuration as {@code text} (its settings were changed). */
    void describedAs(String text) {
        description = text;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    @Override
    public LoadedModel load(String name, byte[] model) throws BackendException {
        try {
            loadGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while loading " + name);
        }
        String[] levelAndPosition = new String(model, StandardCharsets.UTF_8).split(":");
        if (levelAndPosition.length != 2) {
            throw new BackendException(name + " is not a fake model");
        }
        String levelId = levelAndPosition[0];
        int classes = classesByLevel.getOrDefault(levelId, CLASSES);
        FakeModel loadedModel = new FakeModel(name, Integer.parseInt(levelAndPosition[1]) % classes, classes,
            sleepMillisByLevel.getOrDefault(levelId, 0L));
        if (nanOutputs.contains(levelId)) {
            loadedModel.giveNaN(true);
        }
        if (failingRuns.contains(levelId)) {
            loadedModel.failWithBackendException();
        }
        if (crashingRuns.contains(levelId)) {
            loadedModel.failWith(new IllegalStateException("native crash in " + name));
        }
        loaded.add(loadedModel);
        return loadedModel;
    }

    /** Every model loaded so far, in load order. */
    List<FakeModel> loaded() {
        return List.copyOf(loaded);
    }

    FakeModel loaded(String levelId) {
        return loaded.stream().filter(m -> m.name().endsWith("/" + levelId)).reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("level " + levelId + " was never loaded on " + id));
    }
}
