package io.dynofa.demo.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.dynofa.runtime.api.Problem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The frame log: every frame as one JSON line, in the order frames end:
 * <pre>{"frame":n,"arrivalNs":..,"startNs":..,"endNs":..,"deadlineMs":..,"level":"ofa-12","backend":"cpu",
 *  "items":K,"correct":k,"outcome":"ok"|"late"|"dropped"|"failed","reason":null|"..."}</pre>
 * Times are nanoseconds since {@code originNanos} ({@link System#nanoTime()}); {@code startNs} is when the camera
 * took the frame up to send it, null for a frame dropped while it waited; {@code deadlineMs} is null without a
 * deadline, {@code level} and {@code backend} null when not served, {@code reason} null for an {@code ok} frame.
 * The file is emptied when opened and grows to {@code maxBytes} at most: the line that would pass the bound is
 * not written, nor any after it, and {@link #problem()} says so. A file that cannot be written is a problem too,
 * as is a file another camera's log has open (each camera needs its own); the camera goes on either way.
 * Thread-safe.
 */
final class FrameLog implements AutoCloseable {
    static final String UNWRITABLE = "demo.frame-log.unwritable";
    static final String FULL = "demo.frame-log.full";
    static final String SHARED = "demo.frame-log.shared";
    /** The files of the logs open now, of every camera. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final Logger LOG = System.getLogger(FrameLog.class.getName());
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final String file;
    private final long maxBytes;
    private final long originNanos;
    private Writer writer;
    private Path claimed;
    private long written;
    private volatile Problem problem;

    private FrameLog(String file, long maxBytes, long originNanos) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.originNanos = originNanos;
    }

    /** The log at {@code file} (relative to the working directory unless absolute); never throws. */
    static FrameLog open(String file, long maxBytes, long originNanos) {
        FrameLog log = new FrameLog(file, maxBytes, originNanos);
        try {
            Path path = Path.of(file).toAbsolutePath().normalize();
            if (!OPEN.add(path)) {
                log.stop(SHARED, "the demo camera does not write its frame log " + file + ": another camera's frame"
                    + " log is that file (give each camera its own frameLog)");
                return log;
            }
            log.claimed = path;
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            log.writer = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
        } catch (IOException | InvalidPathException | SecurityException e) {
            log.stop(UNWRITABLE, "the demo camera cannot write its frame log " + file + ": " + e.getMessage());
        }
        return log;
    }

    String file() {
        return file;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Why frames are not (all) logged, or null. */
    Problem problem() {
        return problem;
    }

    synchronized void append(FrameRecord frame) {
        if (writer == null) {
            return;
        }
        String line = GSON.toJson(json(frame)) + "\n";
        long bytes = line.getBytes(StandardCharsets.UTF_8).length;
        if (written + bytes > maxBytes) {
            stop(FULL, "the frame log " + file + " reached its bound of " + maxBytes / (1024 * 1024) + " MiB"
                + " (frameLogMaxMb); frames from " + frame.frame().number() + " on are not logged");
            return;
        }
        try {
            writer.write(line);
            writer.flush();
            written += bytes;
        } catch (IOException e) {
            stop(UNWRITABLE, "the demo camera stopped writing its frame log " + file + ": " + e.getMessage());
        }
    }

    /** Closes the file, which another camera's log may then open. */
    @Override
    public synchronized void close() {
        closeWriter();
        if (claimed != null) {
            OPEN.remove(claimed);
            claimed = null;
        }
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the frame log " + file + ": " + e.getMessage());
            }
            writer = null;
        }
    }

    private JsonObject json(FrameRecord r) {
        JsonObject o = new JsonObject();
        o.addProperty("frame", r.frame().number());
        o.addProperty("arrivalNs", r.frame().arrivalNanos() - originNanos);
        o.addProperty("startNs", r.startNanos() < 0 ? null : r.startNanos() - originNanos);
        o.addProperty("endNs", r.endNanos() - originNanos);
        o.addProperty("deadlineMs", r.frame().hasDeadline() ? r.frame().deadlineNanos() / 1e6 : null);
        o.addProperty("level", r.levelId());
        o.addProperty("backend", r.backendId());
        o.addProperty("items", r.frame().items());
        o.addProperty("correct", r.correct());
        o.addProperty("outcome", r.verdict().logName());
        o.addProperty("reason", r.reason());
        return o;
    }

    private synchronized void stop(String code, String text) {
        closeWriter();
        problem = new Problem(null, code, file, text);
        LOG.log(Level.WARNING, text);
    }
}
