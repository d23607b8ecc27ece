package io.dynofa.profiler.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.dynofa.profile.api.LatencyProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ProfileJsonTest {
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aProfileRoundTripsThroughJson() {
        LatencyProfile p = Profiles.sample();

        assertEquals(p, ProfileJson.read(ProfileJson.write(p)));
        assertTrue("the measured file's hash is kept", ProfileJson.write(p).contains("\"sha256\""));
    }

    @Test
    public void aProfileWrittenBeforeHashesReadsWithoutThem() {
        String old = ProfileJson.write(Profiles.sample()).replaceAll(",\\s*\"sha256\":\\s*\"[^\"]*\"", "");

        assertTrue(ProfileJson.read(old).levels().stream().allMatch(l -> l.sha256() == null));
    }

    @Test
    public void aNewerSchemaOrBrokenTextIsRefused() {
        String newer = ProfileJson.write(Profiles.sample()).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
        for (String text : List.of(newer, "{}", "not json", "{\"schemaVersion\": 1}")) {
            try {
                ProfileJson.read(text);
                fail("read " + text);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().startsWith("not a latency profile"));
            }
        }
    }

    @Test
    public void theFileStoreSavesJsonPlotAndReportAndFindsTheProfileAgain() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("profiles");
        FileProfileStore store = new FileProfileStore(dir);
        LatencyProfile p = Profiles.sample();

        assertTrue(store.find("fmnist-ofa", "cpu").isEmpty());
        store.save(p);

        assertEquals(p, store.find("fmnist-ofa", "cpu").orElseThrow());
        assertTrue(store.find("fmnist-ofa", "cpu2").isEmpty());
        List<String> files = store.locations("fmnist-ofa", "cpu");
        assertEquals(3, files.size());
        assertTrue(files.get(0).endsWith("profiles/fmnist-ofa/cpu.json"));
        byte[] png = Files.readAllBytes(Path.of(files.get(1)));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        String md = Files.readString(Path.of(files.get(2)));
        assertTrue(md, md.contains("| ofa-04 | ofa |"));
        assertTrue(md, md.contains("![accuracy vs latency](cpu.png)"));

        Files.writeString(dir.resolve("fmnist-ofa/cpu.json"), "garbage");
        assertTrue("an unreadable profile is as none", store.find("fmnist-ofa", "cpu").isEmpty());
    }

    @Test
    public void idsBecomeSafeFileNames() {
        assertEquals("cpu2", FileProfileStore.safe("cpu2"));
        assertEquals("_..", FileProfileStore.safe(".."));
        assertEquals("a_b_c", FileProfileStore.safe("a/b c"));
    }
}
