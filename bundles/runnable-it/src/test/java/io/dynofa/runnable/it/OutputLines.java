package io.dynofa.runnable.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The lines a process writes to one stream, collected by a thread of their own and copied to a log file. */
final class OutputLines {
    private final List<String> lines = new ArrayList<>();
    private boolean closed;

    OutputLines(InputStream stream, Path log, String name) {
        Thread reader = new Thread(() -> collect(stream, log), name);
        reader.setDaemon(true);
        reader.start();
    }

    private void collect(InputStream stream, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
             PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                copy.println(line);
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        }
    }

    /** A copy of every line so far. */
    synchronized List<String> all() {
        return List.copyOf(lines);
    }

    /** The first line from index {@code from} on that matches, waiting at most {@code limit} for it. */
    synchronized Optional<Integer> await(int from, Predicate<String> match, Duration limit)
        throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = from; ; ) {
            for (; i < lines.size(); i++) {
                if (match.test(lines.get(i))) {
                    return Optional.of(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (closed || left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized int size() {
        return lines.size();
    }

    synchronized String get(int index) {
        return lines.get(index);
    }
}
