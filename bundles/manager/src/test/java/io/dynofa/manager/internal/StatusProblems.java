package io.dynofa.manager.internal;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.List;
import java.util.Objects;

/** What a status's problems are, by code and subject (never by wording). */
final class StatusProblems {

    private StatusProblems() {
    }

    static boolean has(RuntimeStatus status, String code, String subject) {
        return status.problems(code).stream().anyMatch(p -> Objects.equals(subject, p.subject()));
    }

    static boolean has(RuntimeStatus status, String code) {
        return !status.problems(code).isEmpty();
    }

    static List<String> codes(RuntimeStatus status) {
        return status.problemDetails().stream().map(Problem::code).toList();
    }
}
