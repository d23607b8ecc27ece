package io.dynofa.health.internal;

/** What the checks share: their tag, and the answer when no deployment runs. */
final class Checks {
    /** The tag of every Dynofa check ({@code hc.tags}); the HTTP ready endpoint runs the checks with it. */
    static final String TAG = "dynofa";
    static final String NO_DEPLOYMENT = "no deployment is running (no RuntimeControl service)";

    private Checks() {
    }
}
