package io.dynofa.profile.api;

import io.dynofa.backend.api.BackendException;
import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Measures every candidate of a family on a device backend (the offline stage of Dynamic-OFA, run
 * on the device), chooses the Pareto levels and stores the profile in the {@link ProfileStore}.
 */
@ProviderType
public interface Profiler {

    /** Ids of the registered families, sorted. */
    List<String> families();

    /** Ids of the bound backends that can run models, sorted. */
    List<String> usableBackends();

    /**
     * Profiles every level of {@code familyId} on {@code backendId}: each is loaded, warmed up, then
     * timed at batch 1 until its median is stable (or, when {@code quick}, for a small fixed budget),
     * and closed again. The profile is saved in the {@link ProfileStore} before it is returned.
     * Blocks for as long as the measurement takes (seconds to minutes); call it off any service thread.
     *
     * @param familyId the family; null or empty for the first registered family
     * @param backendId the backend
     * @param quick a short measurement (a smoke run), rather than one until stable
     * @param progress told before each level
     * @throws IllegalArgumentException when the family or backend is not registered
     * @throws BackendException when the backend is unusable or no level could be measured on it
     * @throws IOException when the family's models cannot be read or the profile cannot be stored
     */
    LatencyProfile profile(String familyId, String backendId, boolean quick, ProfileProgress progress)
        throws BackendException, IOException;
}
