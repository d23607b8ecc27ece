package io.dynofa.manager.internal;

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

    static List<String> of(List<Registration<ProblemSource>> sources) {
        List<String> all = new ArrayList<>();
        for (Registration<ProblemSource> source : sources) {
            List<?> problems;
            try {
                List<String> reported = source.service().problems();
                problems = reported == null ? List.of() : reported.stream().filter(Objects::nonNull).toList();
            } catch (RuntimeException | LinkageError e) {
                all.add(line(source.id(), "its problems could not be read: " + e));
                continue;
            }
            problems.stream().limit(MAX_PER_SOURCE).forEach(problem -> all.add(line(source.id(), problem.toString())));
            if (problems.size() > MAX_PER_SOURCE) {
                all.add(line(source.id(), "and " + (problems.size() - MAX_PER_SOURCE) + " more problems"));
            }
        }
        return all;
    }

    private static String line(String source, String problem) {
        String text = source + ": " + problem;
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
