package io.dynofa.inference.api;

/**
 * The outcome of one request.
 *
 * @param output the model's first output (for classifiers, the logits)
 * @param familyId the family that served the request
 * @param levelId the sub-network (level) that served it
 * @param backendId the device backend that ran it
 * @param latencyNanos wall time of the model run on the backend, in nanoseconds
 */
public record InferenceResult(Tensor output, String familyId, String levelId, String backendId, long latencyNanos) {

    /** Top-1 class index of the output. */
    public int topClass() {
        return output.argMax();
    }

    public double latencyMillis() {
        return latencyNanos / 1e6;
    }
}
