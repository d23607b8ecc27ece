package io.dynofa.manager.internal;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.ProblemSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The problems of every bound {@link ProblemSource}, each prefixed with its source ({@code "source: problem"}).
 * Bounded: at most {@value #MAX_PER_SOURCE} lines per source (then a line saying how many more), each cut at
 * {@value #MAX_LENGTH} characters. A source that fails is named with its error; it never breaks status.
 */
final class SourceProblems {
    static final int MAX_PER_SOURCE = 20;
    static final int MAX_LENGTH = 500;

    private SourceProblems() {
    }

    static List<Problem> of(List<Registration<ProblemSource>> sources) {
        List<Problem> all = new ArrayList<>();
        for (Registration<ProblemSource> source : sources) {
            List<Problem> problems;
            try {
                List<Problem> reported = source.service().details();
                problems = reported == null ? List.of() : reported.stream().filter(Objects::nonNull).toList();
            } catch (RuntimeException | LinkageError e) {
                all.add(line(source.id(), new Problem(null, Problem.UNSPECIFIED, null,
                    "its problems could not be read: " + e)));
                continue;
            }
            problems.stream().limit(MAX_PER_SOURCE).forEach(problem -> all.add(line(source.id(), problem)));
            if (problems.size() > MAX_PER_SOURCE) {
                all.add(line(source.id(), new Problem(null, Problem.UNSPECIFIED, null,
                    "and " + (problems.size() - MAX_PER_SOURCE) + " more problems")));
            }
        }
        return all;
    }

    /** The problem as its source's, its text prefixed with the source and cut at {@value #MAX_LENGTH}. */
    private static Problem line(String source, Problem problem) {
        String text = source + ": " + problem.text();
        String code = problem.code() == null || problem.code().isBlank() ? Problem.UNSPECIFIED : problem.code();
        return new Problem(source, code, cut(problem.subject()),
            text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…");
    }

    private static String cut(String subject) {
        return subject == null || subject.length() <= MAX_LENGTH ? subject : subject.substring(0, MAX_LENGTH);
    }
}
