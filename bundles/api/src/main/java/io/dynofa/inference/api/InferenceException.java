package io.dynofa.inference.api;

/** Why a request failed; the runtime stays up whatever the reason. */
public class InferenceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The class of failure, so callers can tell their own mistakes from the runtime's state. */
    public enum Reason {
        /** The input does not match the active family's {@link InputSpec}. */
        INVALID_INPUT,
        /** No family is active or no usable backend is bound (yet): retry later. */
        NOT_READY,
        /** The device backend failed to run the model, or the model's output was not finite. */
        BACKEND_FAILURE,
        /**
         * Admission control refused the request at once: the bounded queue or the bounded number of
         * waiting callers is full. Retry later or shed load.
         *
         * @since 1.2
         */
        OVERLOADED,
        /**
         * The request's deadline passed before it could start; it was not run.
         *
         * @since 1.2
         */
        DEADLINE_EXCEEDED
    }

    private final Reason reason;

    public InferenceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InferenceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason + ": " + super.getMessage();
    }
}
