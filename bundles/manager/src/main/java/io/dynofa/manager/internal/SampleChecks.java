package io.dynofa.manager.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The level files (by SHA-256) whose sample check this manager has already seen pass, with how many images
 * and what tolerance: the check judges the file's weights, so the same file loaded again (on another backend,
 * after a plug-in bundle was updated) is not shown the sample again under the same rule.
 */
final class SampleChecks {
    private final Set<String> passed = ConcurrentHashMap.newKeySet();

    boolean passed(String sha256, int images, double tolerancePct) {
        return passed.contains(key(sha256, images, tolerancePct));
    }

    void pass(String sha256, int images, double tolerancePct) {
        passed.add(key(sha256, images, tolerancePct));
    }

    private static String key(String sha256, int images, double tolerancePct) {
        return sha256 + '/' + images + '/' + tolerancePct;
    }
}
