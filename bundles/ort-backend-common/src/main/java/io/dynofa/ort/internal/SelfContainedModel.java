package io.dynofa.ort.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.onnx.internal.ExternalRef;
import io.dynofa.onnx.internal.OnnxFormatException;
import io.dynofa.onnx.internal.OnnxModel;
import java.util.List;

/**
 * The rule that ONNX Runtime only ever sees self-contained model bytes: a session built from bytes resolves an
 * external-data location against the working directory, so a model naming {@code ../../etc/passwd} would read
 * that file. External data is the family provider's business (it inlines what its manifest allows).
 */
final class SelfContainedModel {

    private SelfContainedModel() {
    }

    /**
     * @throws BackendException naming the model, the first external location and its tensor; or, when the bytes
     *     cannot be read as ONNX at all, naming the model and the reason
     */
    static void check(String name, byte[] model) throws BackendException {
        List<ExternalRef> refs;
        try {
            refs = OnnxModel.externalData(model);
        } catch (OnnxFormatException e) {
            throw new BackendException("model '" + name + "' could not be loaded: " + e.getMessage(), e);
        }
        if (!refs.isEmpty()) {
            ExternalRef ref = refs.get(0);
            throw new BackendException("model '" + name + "' refused: it refers to external data '"
                + ref.locationText() + "' (tensor " + ref.tensorText()
                + "); external data must be inlined by the family provider");
        }
    }
}
