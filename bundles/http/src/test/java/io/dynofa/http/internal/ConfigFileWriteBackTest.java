package io.dynofa.http.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ConfigFileWriteBackTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aChangeReplacesItsLineAndKeepsCommentsOtherKeysAndReferences() throws IOException {
        Path folder = temp.newFolder("runtime-config").toPath();
        Path file = folder.resolve("io.dynofa.runtime.cfg");
        Files.writeString(file, "# the operator's note\nfamily = fmnist-ofa\ntargetLatencyMs = 0.4\n"
            + "modelsDir = ${user.home}/models\n", StandardCharsets.ISO_8859_1);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("targetLatencyMs", 7.25);
        changes.put("policy", "lut-fit");
        ConfigFileWriteBack.write(file, changes);
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        assertEquals(lines.toString(), "# the operator's note", lines.get(0));
        assertTrue(lines.toString(), lines.contains("family = fmnist-ofa"));
        assertTrue(lines.toString(), lines.contains("targetLatencyMs = 7.25"));
        assertFalse(lines.toString(), lines.contains("targetLatencyMs = 0.4"));
        assertTrue(lines.toString(), lines.contains("modelsDir = ${user.home}/models"));
        assertTrue(lines.toString(), lines.contains("policy = lut-fit"));
    }

    @Test
    public void theScratchFileIsWrittenOutsideTheWatchedFolderAndRemoved() throws IOException {
        Path folder = temp.newFolder("runtime-config").toPath();
        Path file = folder.resolve("io.dynofa.runtime.cfg");
        Files.writeString(file, "targetLatencyMs = 0.4\n");
        ConfigFileWriteBack.write(file, Map.of("targetLatencyMs", 1.5));
        try (Stream<Path> inFolder = Files.list(folder); Stream<Path> beside = Files.list(folder.getParent())) {
            assertEquals(List.of(file), inFolder.toList());
            assertEquals(List.of(folder), beside.toList());
        }
    }

    @Test
    public void aFileThatCannotBeReadFailsAndLeavesNothingBehind() throws IOException {
        Path folder = temp.newFolder("runtime-config").toPath();
        Path missing = folder.resolve("io.dynofa.deployment-gone.cfg");
        assertThrows(IOException.class, () -> ConfigFileWriteBack.write(missing, Map.of("targetLatencyMs", 1.5)));
        try (Stream<Path> all = Files.walk(folder.getParent())) {
            assertEquals(List.of(folder.getParent(), folder), all.toList());
        }
    }

    @Test
    public void theFileIsNamedByFileInstallsUrlOrAPath() {
        Path file = temp.getRoot().toPath().resolve("a b.cfg").toAbsolutePath();
        assertEquals(file, ConfigFileWriteBack.fileOf(file.toUri().toString()));
        assertEquals(file, ConfigFileWriteBack.fileOf(file.toString()));
        assertNull(ConfigFileWriteBack.fileOf(null));
        assertNull(ConfigFileWriteBack.fileOf(" "));
        assertNull(ConfigFileWriteBack.fileOf("file:not a uri"));
    }

    @Test
    public void itWritesOnlyWhenFileInstallWasToldNotTo() {
        assertTrue(ConfigFileWriteBack.needed("false"));
        assertTrue(ConfigFileWriteBack.needed(" FALSE "));
        assertFalse(ConfigFileWriteBack.needed("true"));
        assertFalse(ConfigFileWriteBack.needed(null));
    }
}
