package io.dynofa.manager.internal;

import static io.dynofa.manager.internal.ManagerRule.config;
import static io.dynofa.manager.internal.ManagerRule.standardBackend;
import static io.dynofa.manager.internal.ManagerRule.standardFamily;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.Problem;
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

    /** The texts of the problems {@code source} reported. */
    private static List<String> fromSource(RuntimeStatus status, String source) {
        return status.problemDetails().stream().filter(p -> source.equals(p.source())).map(Problem::text).toList();
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

        RuntimeStatus status = manager.status();
        String className = anonymous.getClass().getName();
        assertEquals(List.of(className + ": something"), fromSource(status, className));
        assertTrue(status.problems().toString(), StatusProblems.has(status, Problem.SERVICE_UNNAMED, className));
    }

    @Test
    public void aSourcesCodesAndSubjectsReachTheStatus() {
        RuntimeManager manager = rule.startServing(config(), standardFamily("fam"), standardBackend());
        ProblemSource coded = new ProblemSource() {
            @Override
            public List<String> problems() {
                return List.of("threads 'x' rejected");
            }

            @Override
            public List<Problem> details() {
                return List.of(new Problem(null, Problem.CONFIG_REJECTED, "threads", "threads 'x' rejected"));
            }
        };

        manager.bindProblemSource(coded, Registered.problemSource(coded, "io.dynofa.backend.cpu"));

        assertEquals(List.of(new Problem("io.dynofa.backend.cpu", Problem.CONFIG_REJECTED, "threads",
            "io.dynofa.backend.cpu: threads 'x' rejected")), manager.status().problems(Problem.CONFIG_REJECTED));
    }
}
