package io.dynofa.family.provider.internal;

/** A family folder cannot be offered; the message names the file and the reason. */
public final class FamilyException extends Exception {
    private static final long serialVersionUID = 1L;

    public FamilyException(String message) {
        super(message);
    }

    public FamilyException(String message, Throwable cause) {
        super(message, cause);
    }
}
