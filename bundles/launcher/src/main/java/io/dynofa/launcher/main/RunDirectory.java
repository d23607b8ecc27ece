package io.dynofa.launcher.main;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * The directory one JVM runs the gateway from: {@code dynofa-run-<pid>-<random>} under a temporary folder,
 * deleted when the JVM exits. A directory left behind by a JVM that could not clean up (killed, crashed) is
 * deleted by the next start, once no process with its pid is alive.
 */
final class RunDirectory {
    static final String PREFIX = "dynofa-run-";

    private RunDirectory() {
    }

    /** Deletes the stale run directories under {@code tmp}, creates this JVM's and deletes it at exit. */
    static Path create(Path tmp, ProcessHandle self) throws IOException {
        sweep(tmp, pid -> ProcessHandle.of(pid).isPresent());
        Path dir = Files.createTempDirectory(tmp, PREFIX + self.pid() + "-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "dynofa-run-directory-cleanup"));
        return dir;
    }

    /** Deletes every run directory under {@code tmp} whose pid is not {@code alive}; errors are ignored. */
    static void sweep(Path tmp, LongPredicate alive) {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path run : runs) {
                long pid = pid(run.getFileName().toString());
                if (pid > 0 && !alive.test(pid) && Files.isDirectory(run)) {
                    delete(run);
                }
            }
        } catch (IOException | RuntimeException e) {
            // another user's folder or a race with another start: leave it
        }
    }

    /** The pid in a run directory's name, or -1 when the name is not one of ours. */
    static long pid(String name) {
        if (!name.startsWith(PREFIX)) {
            return -1;
        }
        int end = name.indexOf('-', PREFIX.length());
        try {
            return end < 0 ? -1 : Long.parseLong(name.substring(PREFIX.length(), end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Deletes {@code dir} and everything under it, as far as it can. */
    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort: the next start sweeps what is left
                }
            });
        } catch (IOException | RuntimeException e) {
            // already gone, or not ours
        }
    }
}
