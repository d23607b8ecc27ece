package io.dynofa.onnx.internal;

import java.io.IOException;

/** Supplies the bytes an {@link ExternalRef} points to, after deciding whether it may be read at all. */
@FunctionalInterface
public interface ExternalDataSource {

    /**
     * The referenced bytes ({@code length} bytes from {@code offset} of {@code location}).
     *
     * @throws IOException when the reference is refused or the data cannot be read; the message is kept
     */
    byte[] read(ExternalRef ref) throws IOException;
}
