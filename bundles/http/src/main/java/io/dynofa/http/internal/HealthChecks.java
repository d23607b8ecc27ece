package io.dynofa.http.internal;

import java.util.List;

/** The health checks readiness depends on besides the deployments' state (Felix Health Checks when installed). */
interface HealthChecks {

    /** The tag of the checks that count. */
    String TAG = "dynofa";

    /** One check's outcome. */
    record Outcome(String name, boolean ok, String status, String message) {
    }

    /** Runs (or reads the cached results of) every check tagged {@value #TAG}. */
    List<Outcome> run();
}
