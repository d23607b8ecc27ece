package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FrameLogTest {
    private static final long ORIGIN = 1_000_000_000L;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void writesEveryFrameAsOneJsonLineWithTimesSinceTheOrigin() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("logs/frames.jsonl");
        try (FrameLog log = FrameLog.open(file.toString(), 1 << 20, ORIGIN)) {
            log.append(new FrameRecord(new Frame(0, ORIGIN + 10, 5_000_000, 0, 16), ORIGIN + 20, ORIGIN + 30,
                "ofa-12", "cpu", 15, FrameRecord.Verdict.OK, null));
            log.append(FrameRecord.dropped(new Frame(1, ORIGIN + 40, 0, 16, 16), -1, ORIGIN + 50, "displaced"));
            assertNull(log.problem());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        JsonObject ok = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals(List.of("frame", "arrivalNs", "startNs", "endNs", "deadlineMs", "level", "backend", "items",
            "correct", "outcome", "reason"), List.copyOf(ok.keySet()));
        assertEquals(10, ok.get("arrivalNs").getAsLong());
        assertEquals(20, ok.get("startNs").getAsLong());
        assertEquals(30, ok.get("endNs").getAsLong());
        assertEquals(5.0, ok.get("deadlineMs").getAsDouble(), 0);
        assertEquals("ofa-12", ok.get("level").getAsString());
        assertEquals(16, ok.get("items").getAsInt());
        assertEquals(15, ok.get("correct").getAsInt());
        assertEquals("ok", ok.get("outcome").getAsString());
        assertTrue(ok.get("reason").isJsonNull());
        JsonObject drop = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertEquals(1, drop.get("frame").getAsLong());
        assertTrue(drop.get("startNs").isJsonNull() && drop.get("level").isJsonNull()
            && drop.get("deadlineMs").isJsonNull());
        assertEquals("dropped", drop.get("outcome").getAsString());
        assertEquals("displaced", drop.get("reason").getAsString());
    }

    @Test
    public void stopsAtItsBoundAndSaysSo() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("frames.jsonl");
        Files.writeString(file, "an earlier run\n");
        try (FrameLog log = FrameLog.open(file.toString(), 400, ORIGIN)) {
            for (int i = 0; i < 10; i++) {
                log.append(FrameRecord.dropped(new Frame(i, ORIGIN, 0, 0, 1), -1, ORIGIN, "displaced"));
            }
            assertEquals(FrameLog.FULL, log.problem().code());
            assertEquals(file.toString(), log.problem().subject());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue("emptied when opened, then whole lines up to the bound: " + lines, lines.size() > 0
            && lines.size() < 10 && lines.get(0).startsWith("{\"frame\":0,"));
        assertTrue(Files.size(file) <= 400);
    }

    @Test
    public void aFileThatCannotBeWrittenIsAProblemNotAnError() throws IOException {
        Path notAFolder = tmp.newFile("plain").toPath();
        try (FrameLog log = FrameLog.open(notAFolder.resolve("frames.jsonl").toString(), 1 << 20, ORIGIN)) {
            log.append(FrameRecord.dropped(new Frame(0, ORIGIN, 0, 0, 1), -1, ORIGIN, "displaced"));
            assertEquals(FrameLog.UNWRITABLE, log.problem().code());
        }
    }

    @Test
    public void aFileAnotherLogHasOpenIsAProblemAndIsLeftAloneUntilThatLogCloses() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("frames.jsonl");
        FrameLog first = FrameLog.open(file.toString(), 1 << 20, ORIGIN);
        try (FrameLog second = FrameLog.open(tmp.getRoot() + "/./frames.jsonl", 1 << 20, ORIGIN)) {
            first.append(FrameRecord.dropped(new Frame(0, ORIGIN, 0, 0, 1), -1, ORIGIN, "displaced"));
            second.append(FrameRecord.dropped(new Frame(7, ORIGIN, 0, 0, 1), -1, ORIGIN, "displaced"));
            assertEquals(FrameLog.SHARED, second.problem().code());
            assertNull(first.problem());
        } finally {
            first.close();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("only the first log's frame: " + lines, 1, lines.size());
        assertTrue(lines.get(0).startsWith("{\"frame\":0,"));
        try (FrameLog third = FrameLog.open(file.toString(), 1 << 20, ORIGIN)) {
            assertNull("free once the first log closed", third.problem());
        }
    }
}
