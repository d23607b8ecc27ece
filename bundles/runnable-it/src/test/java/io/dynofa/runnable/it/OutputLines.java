package io.dynofa.runnable.it;

import static org.awaitility.Awaitility.await;

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
    private final String name;
    private boolean closed;

    OutputLines(InputStream stream, Path log, String name) {
        this.name = name;
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
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            synchronized (this) {
                closed = true;
            }
        }
    }

    /** A copy of every line so far. */
    synchronized List<String> all() {
        return List.copyOf(lines);
    }

    /**
     * The index of the first line from {@code from} on that matches {@code what}, waiting at most {@code limit}
     * for it; fails at once when the stream ends without it.
     */
    int awaitLine(int from, String what, Predicate<String> match, Duration limit) {
        return await(name + " to print " + what).atMost(limit).pollInterval(Duration.ofMillis(20))
            .pollDelay(Duration.ZERO).until(() -> find(from, what, match), Optional::isPresent).orElseThrow();
    }

    private synchronized Optional<Integer> find(int from, String what, Predicate<String> match) {
        for (int i = from; i < lines.size(); i++) {
            if (match.test(lines.get(i))) {
                return Optional.of(i);
            }
        }
        if (closed) {
            throw new AssertionError(name + " ended without " + what + "; it printed " + lines);
        }
        return Optional.empty();
    }

    synchronized int size() {
        return lines.size();
    }

    synchronized String get(int index) {
        return lines.get(index);
    }
}
