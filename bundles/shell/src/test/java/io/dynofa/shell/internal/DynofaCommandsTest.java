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
}
