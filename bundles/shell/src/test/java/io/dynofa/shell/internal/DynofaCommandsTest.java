package io.dynofa.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class DynofaCommandsTest {
    private final FakeRuntimeControl control = new FakeRuntimeControl();
    private final DynofaCommands commands = new DynofaCommands(control);

    @Test
    public void targetSetsAPositiveTargetAndReportsANonPositiveOneInOneLine() {
        assertEquals("latency target set to 2.500 ms", commands.target(2.5));
        assertEquals(2.5, control.targetMs, 0);

        String error = commands.target(0);

        assertEquals("error: the target must be a positive number of milliseconds, got 0.0", error);
        assertFalse(error.contains("\n"));
        assertEquals(2.5, control.targetMs, 0);
    }

    @Test
    public void policyChoosesAnInstalledPolicyAndNamesTheInstalledOnesOtherwise() {
        assertEquals("policy set to lut", commands.policy("lut"));
        assertEquals("lut", control.policy);
        assertEquals("error: no policy 'nope' (installed: [lut, step])", commands.policy("nope"));
        assertTrue(commands.policies().contains("* lut"));
    }

    @Test
    public void pinAndUnpin() {
        assertEquals("error: no active level 'l7'", commands.pin("l7"));
        assertEquals("pinned to level l2", commands.pin("l2"));
        assertTrue(commands.levels(), commands.levels().contains("l2  91.00   1.125       <- current (pinned)"));
        assertTrue(commands.status(), commands.status().contains("level:          l2 (index 2, pinned)"));

        commands.unpin();

        assertFalse(control.pinned);
        assertTrue(commands.levels(), commands.levels().endsWith("l2  91.00   1.125       <- current"));
    }

    @Test
    public void listingsComeFromTheRuntime() {
        assertEquals("results end without a line break: Gogo adds one", "* fam\n  other", commands.families());
        assertTrue(commands.backends(), commands.backends().contains("   gpu  fake GPU     no CUDA device"));
    }

    @Test
    public void commandsNameTheirDeploymentOrGoToTheDefaultOne() {
        DynofaCommands two = new DynofaCommands();
        FakeRuntimeControl other = new FakeRuntimeControl();
        two.bindRuntime(control, java.util.Map.of("dynofa.deployment", "default"));
        two.bindRuntime(other, java.util.Map.of("dynofa.deployment", "cam2"));

        assertEquals("latency target set to 3.000 ms", two.target("cam2", 3));
        assertEquals(3.0, other.targetMs, 0);
        assertEquals("latency target set to 4.000 ms", two.target(4));
        assertEquals(4.0, control.targetMs, 0);
        assertEquals("error: no deployment 'nope' (running: [cam2, default])", two.status("nope"));
        assertEquals(two.deployments(), 2, two.deployments().lines().filter(l -> l.contains("READY")).count());

        two.unbindRuntime(control, java.util.Map.of("dynofa.deployment", "default"));
        assertEquals("the only one", "latency target set to 5.000 ms", two.target(5));
        assertEquals(5.0, other.targetMs, 0);
        two.unbindRuntime(other, java.util.Map.of("dynofa.deployment", "cam2"));
        assertEquals("error: no deployment is running", two.unpin());
    }
}
