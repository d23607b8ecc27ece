package io.dynofa.family.api;

import io.dynofa.inference.api.InputSpec;
import java.io.IOException;
import java.util.List;
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
}
