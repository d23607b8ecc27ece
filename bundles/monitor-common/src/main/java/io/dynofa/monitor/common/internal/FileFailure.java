package io.dynofa.monitor.common.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Says why a file-backed source failed: missing, unreadable, or malformed. */
public final class FileFailure {

    private FileFailure() {
    }

    public static String describe(Path file, Exception failure) {
        if (failure instanceof NoSuchFileException) {
            return file + " does not exist";
        }
        if (failure instanceof IOException) {
            return "cannot read " + file + " (" + failure + ")";
        }
        return file + " is malformed: " + failure.getMessage();
    }
}
