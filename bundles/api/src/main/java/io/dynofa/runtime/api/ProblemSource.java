package io.dynofa.runtime.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plug-in's current problems (a rejected configuration value, a family folder not offered, ...),
 * registered as a service with the service property {@link #SOURCE} naming the plug-in (e.g. its
 * configuration PID). The runtime lists every source's problems in {@link RuntimeStatus#problems()},
 * each prefixed with the source, so an operator sees in one place why a value in force is not the one
 * written. Called when a status is asked for: it must be cheap and thread-safe.
 *
 * @since 1.2
 */
@ConsumerType
public interface ProblemSource {

    /** Service property naming the plug-in whose problems these are. */
    String SOURCE = "dynofa.problem.source";

    /** The problems now, for people; empty when there are none. */
    List<String> problems();

    /**
     * The same problems with their codes and subjects, in the same order. The runtime sets each one's
     * {@link Problem#source()} to this service's {@link #SOURCE}. By default each text is
     * {@link Problem#UNSPECIFIED}; override to give codes.
     *
     * @since 1.3
     */
    default List<Problem> details() {
        List<String> texts = problems();
        return texts == null ? List.of() : texts.stream().filter(java.util.Objects::nonNull)
            .map(text -> new Problem(null, Problem.UNSPECIFIED, null, text)).toList();
    }
}
