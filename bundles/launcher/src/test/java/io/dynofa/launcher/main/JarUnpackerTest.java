package io.dynofa.launcher.main;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JarUnpackerTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path jar(String... namesAndContents) throws IOException {
        Path jar = tmp.newFile("test.jar").toPath();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                jarOut.putNextEntry(new JarEntry(namesAndContents[i]));
                jarOut.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    @Test
    public void copiesEveryEntryUnderTheDirectory() throws IOException {
        Path dir = tmp.newFolder("run").toPath();

        JarUnpacker.unpack(jar("launcher.properties", "launch.embedded=true", "jar/", "", "jar/a.jar", "bytes"), dir);

        assertEquals("launch.embedded=true", Files.readString(dir.resolve("launcher.properties")));
        assertEquals("bytes", Files.readString(dir.resolve("jar/a.jar")));
    }

    @Test
    public void refusesAnEntryThatWouldLandOutsideTheDirectory() throws IOException {
        Path dir = tmp.newFolder("run").toPath();
        Path jar = jar("jar/a.jar", "fine", "../escaped.txt", "evil");

        try {
            JarUnpacker.unpack(jar, dir);
            fail("an entry outside the folder was unpacked");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'../escaped.txt' is outside"));
        }
        assertFalse(Files.exists(dir.resolveSibling("escaped.txt")));
    }
}
