package io.dynofa.shell.internal;

import static org.junit.Assert.assertEquals;

import io.dynofa.runtime.api.BackendInfo;
import java.util.List;
import org.junit.Test;

public class ListingsTest {

    @Test
    public void levelsShowIndexIdAccuracyLatencyAndTheCurrentLevel() {
        assertEquals(""
            + "#  id  top1 %  latency ms\n"
            + "0  l0  70.50   0.250\n"
            + "1  l1  80.25   0.500       <- current\n"
            + "2  l2  91.00   1.125\n", Listings.levels(FakeRuntimeControl.LEVELS, "l1", false));
    }

    @Test
    public void aPinnedLevelIsMarkedAsSuch() {
        String table = Listings.levels(FakeRuntimeControl.LEVELS, "l2", true);

        assertEquals("2  l2  91.00   1.125       <- current (pinned)", table.lines().toList().get(3));
    }

    @Test
    public void saysSoWhenThereAreNoLevels() {
        assertEquals("no active levels (no family is being served)\n", Listings.levels(List.of(), null, false));
    }

    @Test
    public void backendsShowTheActiveOneAndWhyOthersCannotServe() {
        String table = Listings.backends(List.of(new BackendInfo("cpu", "ORT CPU, 1 thread", null, true),
            new BackendInfo("gpu", "ORT CUDA", "no CUDA device", false)));

        assertEquals(""
            + "   id   description        unavailable because\n"
            + "*  cpu  ORT CPU, 1 thread  -\n"
            + "   gpu  ORT CUDA           no CUDA device\n", table);
    }

    @Test
    public void namesMarkTheOneInUse() {
        assertEquals("  lut\n* step\n", Listings.names(List.of("lut", "step"), "step", "policy is"));
        assertEquals("no policy is registered\n", Listings.names(List.of(), null, "policy is"));
    }
}
