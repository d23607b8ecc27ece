package io.dynofa.family.api;

import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.TensorSpec;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A family of sub-networks sampled from one once-for-all supernet, registered as a service by a
 * model-family provider. Registered with the service property {@link #FAMILY_ID}.
 */
@ConsumerType
public interface ModelFamily {

    /** Service property carrying {@link #id()}. */
    String FAMILY_ID = "dynofa.family.id";

    String id();

    String version();

    InputSpec input();

    /** Class labels, indexed like the model's output. */
    List<String> labels();

    /** Every sub-network the family ships, in manifest order. */
    List<LevelSpec> levels();

    /**
     * Reads one level's model bytes and verifies them against the manifest's SHA-256.
     *
     * @throws IOException naming the file when it is missing, unreadable or its hash does not match
     * @throws IllegalArgumentException when the family has no level {@code levelId}
     */
    byte[] model(String levelId) throws IOException;

    /**
     * The output every level gives (name, shape with {@code -1} for the batch, dtype), as the manifest
     * declares it; empty when the family does not declare it. The runtime refuses a level whose output
     * does not match.
     *
     * @since 1.1
     */
    default Optional<TensorSpec> output() {
        return Optional.empty();
    }

    /**
     * The labelled sample the manifest's {@link LevelSpec#sampleTop1()} figures were measured on, read and
     * verified against its SHA-256; empty when the family ships none (then levels are checked by shape
     * and finiteness only).
     *
     * @throws IOException naming the file when the sample is declared but missing, unreadable or altered
     * @since 1.1
     */
    default Optional<Sample> sample() throws IOException {
        return Optional.empty();
    }
}
