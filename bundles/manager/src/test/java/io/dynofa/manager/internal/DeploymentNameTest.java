package io.dynofa.manager.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.Problem;
import java.util.Map;
import org.junit.Test;

public class DeploymentNameTest {
    private static final String GENERATED_PID = "io.dynofa.deployment.4f1c2a9e-0b6d-4c55-9d1e-3a7b8c9d0e1f";
    private static final String FILE = "file:/opt/dynofa/runtime-config/io.dynofa.deployment-camera-2.cfg";

    @Test
    public void theNameKeyComesFirst() {
        DeploymentName name = DeploymentName.of(Map.of("name", " front-door ", "service.pid", "io.dynofa.deployment~x",
            "felix.fileinstall.filename", FILE));
        assertEquals(new DeploymentName("front-door", null), name);
    }

    @Test
    public void withoutANameTheFileInstallFileNamesIt() {
        assertEquals(new DeploymentName("camera-2", null), DeploymentName.of(Map.of("service.pid", GENERATED_PID,
            "felix.fileinstall.filename", FILE)));
        assertEquals("a Windows path, a .config file", "belt_1.b", DeploymentName.of(Map.of("service.pid",
            GENERATED_PID, "felix.fileinstall.filename", "C:\\dynofa\\io.dynofa.deployment-belt_1.b.config")).name());
        assertEquals("a blank name is no name", "camera-2", DeploymentName.of(Map.of("name", "  ", "service.pid",
            GENERATED_PID, "felix.fileinstall.filename", FILE)).name());
    }

    @Test
    public void withoutANameOrFileANamedFactoryConfigurationsPidNamesIt() {
        assertEquals(new DeploymentName("line-3", null), DeploymentName.of(Map.of("service.pid",
            "io.dynofa.deployment~line-3")));
        assertEquals("a file that is not a deployment's", "line-3", DeploymentName.of(Map.of("service.pid",
            "io.dynofa.deployment~line-3", "felix.fileinstall.filename", "file:/x/other.cfg")).name());
        assertEquals("a file whose name part is not a valid name", "line-3", DeploymentName.of(Map.of("service.pid",
            "io.dynofa.deployment~line-3", "felix.fileinstall.filename", "file:/x/io.dynofa.deployment-a b.cfg"))
            .name());
    }

    @Test
    public void otherwiseThePid() {
        assertEquals(new DeploymentName(GENERATED_PID, null), DeploymentName.of(Map.of("service.pid",
            GENERATED_PID)));
    }

    @Test
    public void aPidThatIsNoValidNameGivesAValidOneOfItsOwn() {
        String pid = "io.dynofa.deployment~no good";
        DeploymentName name = DeploymentName.of(Map.of("service.pid", pid));
        assertEquals("deployment-" + Integer.toHexString(pid.hashCode()), name.name());
        assertNull(name.problem());
    }

    @Test
    public void anInvalidNameIsRefusedWithAProblemAndTheFilesOrPidsNameIsUsed() {
        String tooLong = "a".repeat(65);
        for (String bad : new String[] {"two words", "-leading-dash", ".hidden", "x/y", "caf\u00e9", tooLong,
            "be\u0007ll"}) {
            DeploymentName name = DeploymentName.of(Map.of("name", bad, "service.pid", "io.dynofa.deployment~line-3"));
            assertEquals(bad, "line-3", name.name());
            Problem problem = name.problem();
            assertEquals(bad, Problem.CONFIG_REJECTED, problem.code());
            assertEquals(bad, "name", problem.subject());
            assertEquals(bad, Problem.RUNTIME, problem.source());
            assertTrue(problem.text(), problem.text().contains("named 'line-3'"));
            assertTrue("one printable line: " + problem.text(),
                problem.text().chars().noneMatch(Character::isISOControl));
        }
        String cut = DeploymentName.of(Map.of("name", "b".repeat(200), "service.pid", "p")).problem().text();
        assertTrue("a long name is cut: " + cut, cut.contains("b".repeat(64) + "...'")
            && !cut.contains("b".repeat(65)));
    }

    @Test
    public void theLongestValidNameIsKept() {
        String longest = "A" + "z9._-".repeat(12) + "abc";
        assertEquals(64, longest.length());
        assertEquals(new DeploymentName(longest, null), DeploymentName.of(Map.of("name", longest, "service.pid", "p")));
    }

    @Test
    public void aFixedNameHasNoProblem() {
        assertEquals(new DeploymentName("default", null), DeploymentName.fixed("default"));
    }
}
