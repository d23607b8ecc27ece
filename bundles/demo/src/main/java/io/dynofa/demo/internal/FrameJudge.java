package io.dynofa.demo.internal;

import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.Tensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a sent frame's answer or failure makes of it: answered within the deadline or late, with the items whose
 * output row's top class (first on ties) is the image's label counted correct; dropped when the runtime refused
 * it before running it ({@code NOT_READY}, {@code OVERLOADED}, {@code DEADLINE_EXCEEDED}) or its deadline passed
 * before the camera could send it ({@link Replayer.Expired}); failed otherwise (a
 * backend failure, an input the camera could not build, or an output that is not one row per item).
 */
final class FrameJudge {
    private final Sample sample;

    FrameJudge(Sample sample) {
        this.sample = sample;
    }

    FrameRecord judge(Frame frame, long startNanos, long endNanos, InferenceResult result, Throwable error) {
        if (error != null) {
            return refused(frame, startNanos, endNanos, unwrapped(error));
        }
        Tensor output = result.output();
        long[] shape = output.shape();
        int items = frame.items();
        if (output.dtype() != DType.FLOAT32 || shape.length < 2 || shape[0] != items || shape[1] <= 0
            || output.floats().length % items != 0) {
            return FrameRecord.failed(frame, startNanos, endNanos, "level " + result.levelId() + " gave an output "
                + "of shape " + Arrays.toString(shape) + " " + output.dtype().onnxName() + " for " + items
                + " items; expected float32 [" + items + ", classes]");
        }
        int correct = correct(frame, output.floats(), output.floats().length / items);
        boolean late = frame.lateAt(endNanos);
        String reason = late ? String.format(Locale.ROOT, "ended %.3f ms after its arrival, past its %.3f ms "
            + "deadline", (endNanos - frame.arrivalNanos()) / 1e6, frame.deadlineNanos() / 1e6) : null;
        return new FrameRecord(frame, startNanos, endNanos, result.levelId(), result.backendId(), correct,
            late ? FrameRecord.Verdict.LATE : FrameRecord.Verdict.OK, reason);
    }

    private int correct(Frame frame, float[] logits, int classes) {
        int correct = 0;
        for (int item = 0; item < frame.items(); item++) {
            int best = 0;
            int row = item * classes;
            for (int c = 1; c < classes; c++) {
                if (logits[row + c] > logits[row + best]) {
                    best = c;
                }
            }
            int image = (int) (((long) frame.firstImage() + item) % sample.size());
            if (best == sample.label(image)) {
                correct++;
            }
        }
        return correct;
    }

    private static FrameRecord refused(Frame frame, long startNanos, long endNanos, Throwable error) {
        if (error instanceof Replayer.Expired) {
            return FrameRecord.dropped(frame, startNanos, endNanos, Replayer.EXPIRED_BUILDING);
        }
        if (error instanceof InferenceException e) {
            return switch (e.reason()) {
                case NOT_READY, OVERLOADED, DEADLINE_EXCEEDED ->
                    FrameRecord.dropped(frame, startNanos, endNanos, e.getMessage());
                case INVALID_INPUT, BACKEND_FAILURE -> FrameRecord.failed(frame, startNanos, endNanos, e.getMessage());
            };
        }
        return FrameRecord.failed(frame, startNanos, endNanos, String.valueOf(error));
    }

    private static Throwable unwrapped(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
