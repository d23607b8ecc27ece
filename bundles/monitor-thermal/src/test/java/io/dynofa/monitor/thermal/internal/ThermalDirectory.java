package io.dynofa.monitor.thermal.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A fake sysfs thermal class directory. */
final class ThermalDirectory {
    private final Path root;

    ThermalDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    ThermalDirectory zone(String directory, String type, String temp) throws IOException {
        Path zone = Files.createDirectories(root.resolve(directory));
        if (type != null) {
            replace(zone.resolve("type"), type + "\n");
        }
        if (temp != null) {
            replace(zone.resolve("temp"), temp + "\n");
        }
        return this;
    }

    private static void replace(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
