package io.dynofa.monitor.common.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A source answering from a script: a number is read as metric {@code n}, an exception is thrown. */
final class ScriptedSource implements ReadingSource {
    final List<String> readingThreads = new CopyOnWriteArrayList<>();
    int forgotten;
    private final Deque<Object> script;

    ScriptedSource(Object... script) {
        this.script = new ArrayDeque<>(List.of(script));
    }

    @Override
    public Reading read() throws IOException, InterruptedException {
        readingThreads.add(Thread.currentThread().getName());
        Object next = script.size() > 1 ? script.poll() : script.peek();
        if (next instanceof IOException e) {
            throw e;
        }
        if (next instanceof InterruptedException e) {
            throw e;
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return Reading.of(Map.of("n", ((Number) next).doubleValue()));
    }

    @Override
    public String unavailableReason(Exception failure) {
        return "broken: " + failure.getMessage();
    }

    @Override
    public void forget() {
        forgotten++;
    }
}
