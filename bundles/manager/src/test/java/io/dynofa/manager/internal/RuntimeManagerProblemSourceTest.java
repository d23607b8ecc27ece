package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.ProblemSource;
import io.dynofa.runtime.api.RuntimeStatus;
import io.dynofa.runtime.api.RuntimeStatus.State;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Rule;
import org.junit.Test;

/** Every bound {@link ProblemSource}'s problems appear in status, prefixed with the source. */
public class RuntimeManagerProblemSourceTest {
    @Rule
    public final ManagerRule rule = new ManagerRule();

    private static List<String> fromSource(RuntimeStatus status, String source) {
        return status.problems().stream().filter(p -> p.startsWith(source + ": ")).toList();
    }

    @Test
    public void eachSourcesProblemsAreListedWithItsNameUntilItGoesAway() {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());
        ProblemSource cpu = () -> List.of("sampleIntervalMs 'abc' rejected; 1000 kept");
        ProblemSource quiet = List::of;

        manager.bindProblemSource(cpu, Registered.problemSource(cpu, "io.dynofa.monitor.cpu"));
        manager.bindProblemSource(quiet, Registered.problemSource(quiet, "io.dynofa.policy.step"));

        assertEquals(List.of("io.dynofa.monitor.cpu: sampleIntervalMs 'abc' rejected; 1000 kept"),
            fromSource(manager.status(), "io.dynofa.monitor.cpu"));
        assertEquals(List.of(), fromSource(manager.status(), "io.dynofa.policy.step"));

        manager.unbindProblemSource(cpu, Registered.problemSource(cpu, "io.dynofa.monitor.cpu"));
        assertEquals(List.of(), fromSource(manager.status(), "io.dynofa.monitor.cpu"));
    }

    @Test
    public void aSourceThatThrowsIsNamedAndStatusStillWorks() {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());
        ProblemSource broken = () -> {
            throw new IllegalStateException("boom");
        };
        ProblemSource nulls = () -> null;

        manager.bindProblemSource(broken, Registered.problemSource(broken, "broken"));
        manager.bindProblemSource(nulls, Registered.problemSource(nulls, "nulls"));

        RuntimeStatus status = manager.status();
        assertEquals(State.READY, status.state());
        assertEquals(List.of("broken: its problems could not be read: java.lang.IllegalStateException: boom"),
            fromSource(status, "broken"));
        assertEquals(List.of(), fromSource(status, "nulls"));
    }

    @Test
    public void aSourcesProblemsAreBounded() {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());
        List<String> many = IntStream.range(0, 1_000).mapToObj(i -> "problem " + i + " " + "x".repeat(1_000)).toList();
        ProblemSource flood = () -> many;

        manager.bindProblemSource(flood, Registered.problemSource(flood, "flood"));

        List<String> listed = fromSource(manager.status(), "flood");
        assertEquals(SourceProblems.MAX_PER_SOURCE + 1, listed.size());
        assertEquals("flood: and 980 more problems", listed.get(listed.size() - 1));
        assertTrue(listed.stream().allMatch(p -> p.length() <= SourceProblems.MAX_LENGTH));
        assertTrue(listed.get(0), listed.get(0).startsWith("flood: problem 0 xxx"));
    }

    @Test
    public void aSourceWithoutTheServicePropertyIsNamedByItsClass() {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());
        ProblemSource anonymous = new ProblemSource() {
            @Override
            public List<String> problems() {
                return List.of("something");
            }
        };

        manager.bindProblemSource(anonymous, Registered.as(anonymous));

        List<String> problems = manager.status().problems();
        String className = anonymous.getClass().getName();
        assertTrue(problems.toString(), problems.contains(className + ": something"));
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.contains("has no 'dynofa.problem.source' "
            + "service property; known by its class name '" + className + "'")));
    }
}
