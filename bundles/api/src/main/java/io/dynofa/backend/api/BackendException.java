package io.dynofa.backend.api;

/** A device backend could not load or run a model; the message says which and why. */
public class BackendException extends Exception {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
