package io.dynofa.launcher.main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Copies every entry of a jar into a directory, refusing an entry whose name would land outside it. */
final class JarUnpacker {
    private JarUnpacker() {
    }

    /** Unpacks {@code jar} into the existing directory {@code dir}. */
    static void unpack(Path jar, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IOException(jar + ": entry '" + entry.getName() + "' is outside the jar's folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
    }
}
