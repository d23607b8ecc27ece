package io.dynofa.demo.internal;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends the sample's frames in order, one per call, through whatever inference service is bound at
 * that moment, and scores each answer against the frame's label. Called from one thread at a time.
 */
final class Replayer {
    private static final Logger LOG = System.getLogger(Replayer.class.getName());

    private final Sample sample;
    private final FrameEncoder encoder;
    private final Supplier<InferenceService> inference;
    private final ReplayStatistics statistics;
    private final boolean loop;
    private int next;
    private boolean ended;
    private boolean failureLogged;

    Replayer(Sample sample, Supplier<InferenceService> inference, ReplayStatistics statistics, boolean loop) {
        this.sample = sample;
        this.encoder = new FrameEncoder(sample);
        this.inference = inference;
        this.statistics = statistics;
        this.loop = loop;
    }

    /** Sends the next frame; once a single pass (loop off) has ended, sends nothing. */
    FrameOutcome sendNextFrame() {
        if (ended) {
            return FrameOutcome.END_OF_SAMPLE;
        }
        int index = next;
        FrameOutcome outcome = send(index);
        next = index + 1;
        if (next == sample.size()) {
            next = 0;
            statistics.passCompleted();
            if (!loop) {
                ended = true;
                return FrameOutcome.END_OF_SAMPLE;
            }
        }
        return outcome;
    }

    private FrameOutcome send(int index) {
        InferenceService service = inference.get();
        if (service == null) {
            return dropped();
        }
        try {
            Optional<InputSpec> spec = service.inputSpec();
            if (spec.isEmpty()) {
                return dropped();
            }
            long t0 = System.nanoTime();
            InferenceResult result = service.infer(encoder.encode(index, spec.get()));
            statistics.answered(result.levelId(), result.topClass() == sample.label(index), System.nanoTime() - t0);
            return FrameOutcome.SENT;
        } catch (InferenceException e) {
            return e.reason() == InferenceException.Reason.NOT_READY ? dropped() : failed(index, e);
        } catch (RuntimeException e) {
            return failed(index, e);
        }
    }

    private FrameOutcome dropped() {
        statistics.dropped();
        return FrameOutcome.DROPPED;
    }

    private FrameOutcome failed(int index, Exception e) {
        statistics.failed();
        if (failureLogged) {
            LOG.log(Level.DEBUG, "demo frame " + index + " failed", e);
        } else {
            failureLogged = true;
            LOG.log(Level.WARNING, "demo frame " + index + " failed (further failures are logged at DEBUG): " + e, e);
        }
        return FrameOutcome.SENT;
    }
}
