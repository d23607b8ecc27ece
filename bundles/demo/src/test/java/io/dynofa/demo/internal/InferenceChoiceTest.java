package io.dynofa.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.runtime.api.Deployments;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class InferenceChoiceTest {
    private final InferenceService legacy = service();
    private final InferenceService defaultOne = service();
    private final InferenceService camera2 = service();
    private final InferenceService camera2Ranked = service();

    private static InferenceService service() {
        return new FakeInference(FakeInference.grey(28, 28), (request, input) -> FakeInference.classified(0, "L"));
    }

    private static Map<String, Object> properties(String deployment, int ranking, long id) {
        return deployment == null ? Map.of("service.ranking", ranking, "service.id", id)
            : Map.of(Deployments.PROPERTY, deployment, "service.ranking", ranking, "service.id", id);
    }

    @Test
    public void aCameraSendsToItsOwnDeploymentsServiceOnly() {
        InferenceChoice choice = new InferenceChoice("camera-2");
        choice.bind(legacy, properties(null, 0, 1));
        choice.bind(defaultOne, properties(Deployments.DEFAULT, 0, 2));
        assertNull("no service of camera-2 yet", choice.current());
        choice.bind(camera2, properties("camera-2", 0, 3));
        assertSame(camera2, choice.current());
        choice.unbind(camera2);
        assertNull(choice.current());
    }

    @Test
    public void aServiceWithoutTheDeploymentPropertyIsTheDefaultDeployments() {
        InferenceChoice choice = new InferenceChoice(Deployments.DEFAULT);
        choice.bind(camera2, properties("camera-2", 0, 1));
        assertNull(choice.current());
        choice.bind(legacy, properties(null, 0, 2));
        assertSame(legacy, choice.current());
    }

    @Test
    public void theFirstInServiceOrderIsUsedAndTheNextTakesOverWhenItLeaves() {
        InferenceChoice choice = new InferenceChoice("camera-2");
        choice.bind(camera2, properties("camera-2", 0, 5));
        choice.bind(camera2Ranked, properties("camera-2", 10, 9));
        assertSame("the higher ranking", camera2Ranked, choice.current());
        choice.unbind(camera2Ranked);
        assertSame(camera2, choice.current());

        InferenceChoice byId = new InferenceChoice(Deployments.DEFAULT);
        byId.bind(defaultOne, properties(Deployments.DEFAULT, 0, 8));
        byId.bind(legacy, properties(null, 0, 4));
        assertSame("the lower service id at equal ranking", legacy, byId.current());
    }

    @Test
    public void withoutRankingOrIdTheFirstBoundIsUsed() {
        InferenceChoice choice = new InferenceChoice(Deployments.DEFAULT);
        choice.bind(legacy, Map.of());
        choice.bind(defaultOne, Map.of("service.ranking", "not a number"));
        assertSame(legacy, choice.current());
    }

    @Test
    public void aChangedDeploymentOrChangedPropertiesChooseAgain() {
        InferenceChoice choice = new InferenceChoice(Deployments.DEFAULT);
        choice.bind(legacy, properties(null, 0, 1));
        choice.bind(camera2, properties("camera-2", 0, 2));
        choice.deployment("camera-2");
        assertSame(camera2, choice.current());
        assertEquals("camera-2", choice.deployment());
        choice.update(legacy, properties("camera-2", 5, 1));
        assertSame("now camera-2's and ranked higher", legacy, choice.current());
        choice.update(legacy, properties("camera-3", 5, 1));
        assertSame(camera2, choice.current());
    }

    @Test
    public void aPropertyOfSeveralNamesBelongsToEach() {
        assertEquals(List.of("a", "b"), InferenceChoice.deploymentsOf(Map.of(Deployments.PROPERTY,
            new String[] {"a", "b"})));
        assertEquals(List.of("a", "b"), InferenceChoice.deploymentsOf(Map.of(Deployments.PROPERTY, List.of("a", "b"))));
        assertEquals(List.of(Deployments.DEFAULT), InferenceChoice.deploymentsOf(Map.of()));
        InferenceChoice choice = new InferenceChoice("b");
        choice.bind(camera2, Map.of(Deployments.PROPERTY, new String[] {"a", "b"}));
        assertSame(camera2, choice.current());
    }
}
