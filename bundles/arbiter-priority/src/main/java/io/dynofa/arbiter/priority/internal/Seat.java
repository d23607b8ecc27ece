package io.dynofa.arbiter.priority.internal;

import io.dynofa.arbiter.api.Claim;

/**
 * Where one deployment may serve in a placement vector ({@link PlacingRule}).
 *
 * @param backendId the backend (null when the claim names none)
 * @param device the device it runs on, whose arbitration the claim takes part in
 * @param claim the claim as that arbitration sees it: the backend's levels, the proposal capped at the accuracy of
 *     the deployment's own, the request rate times the threads a run keeps busy there
 * @param moved whether this is another backend than the one serving now
 */
record Seat(String backendId, String device, Claim claim, boolean moved) {
}
