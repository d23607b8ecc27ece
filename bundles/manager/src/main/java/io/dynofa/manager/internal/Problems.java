package io.dynofa.manager.internal;

import io.dynofa.runtime.api.Problem;

/** The manager's own problems ({@link Problem#RUNTIME} as their source). */
final class Problems {

    private Problems() {
    }

    static Problem of(String code, String subject, String text) {
        return new Problem(Problem.RUNTIME, code, subject, text);
    }

    /** A level refused: {@code "level <family>/<level> <why>"}. */
    static Problem levelRefused(String familyId, String levelId, String why) {
        return of(Problem.LEVEL_REFUSED, levelId, "level " + familyId + "/" + levelId + " " + why);
    }
}
