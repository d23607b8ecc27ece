package io.dynofa.profile.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps device profiles, one per (family, backend). Registered as a service with the service
 * property {@link #REVISION}, which changes whenever the stored profiles may have changed (a save,
 * a reload), so consumers get a service MODIFIED event and look their profile up again.
 */
@ProviderType
public interface ProfileStore {

    /** Service property: a {@code Long} bumped on every save or reload. */
    String REVISION = "dynofa.profile.revision";

    /**
     * The stored profile of {@code familyId} on {@code backendId}.
     *
     * @return empty when none is stored or the stored one cannot be read
     */
    Optional<LatencyProfile> find(String familyId, String backendId);

    /**
     * Stores {@code profile}, replacing any earlier one of the same family and backend, and bumps
     * {@link #REVISION}.
     *
     * @throws IOException naming the file or resource that could not be written
     */
    void save(LatencyProfile profile) throws IOException;

    /**
     * Where the profile of {@code familyId} on {@code backendId} is kept, for operators (files,
     * URLs: the profile, and any plot or report written with it).
     *
     * @return empty when nothing is stored for them
     */
    List<String> locations(String familyId, String backendId);
}
