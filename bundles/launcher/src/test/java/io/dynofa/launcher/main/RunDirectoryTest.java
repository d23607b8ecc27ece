package io.dynofa.launcher.main;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class RunDirectoryTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void readsThePidFromARunDirectoryName() {
        assertEquals(4242, RunDirectory.pid("dynofa-run-4242-123456789"));
        assertEquals(-1, RunDirectory.pid("dynofa-run-abc-1"));
        assertEquals(-1, RunDirectory.pid("dynofa-run-4242"));
        assertEquals(-1, RunDirectory.pid("osgi.123.fw"));
    }

    @Test
    public void sweepDeletesOnlyTheRunDirectoriesOfProcessesThatAreGone() throws IOException {
        Path root = tmp.getRoot().toPath();
        Path gone = Files.createDirectories(root.resolve("dynofa-run-11-1/jar"));
        Files.writeString(gone.resolve("a.jar"), "x");
        Path alive = Files.createDirectories(root.resolve("dynofa-run-22-1"));
        Path foreign = Files.createDirectories(root.resolve("dynofa-run-x-1"));
        Path other = Files.createDirectories(root.resolve("unrelated-11-1"));

        RunDirectory.sweep(root, pid -> pid == 22);

        assertFalse(Files.exists(gone.getParent()));
        assertTrue(Files.isDirectory(alive));
        assertTrue(Files.isDirectory(foreign));
        assertTrue(Files.isDirectory(other));
    }

    @Test
    public void createsADirectoryNamedAfterThisProcess() throws IOException {
        Path dir = RunDirectory.create(tmp.getRoot().toPath(), ProcessHandle.current());

        assertTrue(Files.isDirectory(dir));
        assertEquals(ProcessHandle.current().pid(), RunDirectory.pid(dir.getFileName().toString()));
    }
}
