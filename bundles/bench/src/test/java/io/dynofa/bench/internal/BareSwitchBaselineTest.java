package io.dynofa.bench.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.policy.api.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

public class BareSwitchBaselineTest {
    private static final Path SHIPPED = Path.of("../../models/fmnist-ofa");

    @Test
    public void everyWarmUpVariantGetsItsShareOfTheSwitchesInBothDirections() throws Exception {
        BareSwitchBaseline baseline = new BareSwitchBaseline(workload(), new Sink());

        Map<BareWarmUp, TargetedRatios> ratios = baseline.firstOverSteady(level(0, "ofa-01"), level(1, "ofa-02"), 2);

        assertEquals(List.of(BareWarmUp.values()), List.copyOf(ratios.keySet()));
        for (TargetedRatios r : ratios.values()) {
            assertEquals(2, r.ratios().length);
            assertTrue(Arrays.toString(r.ratios()),
                Arrays.stream(r.ratios()).allMatch(v -> Double.isFinite(v) && v > 0));
            assertEquals(List.of("ofa-01", "ofa-02"), Arrays.stream(r.targets()).sorted().toList());
        }
    }

    @Test
    public void theReportKeysOfTheVariantsDiffer() {
        assertEquals(BareWarmUp.values().length,
            Arrays.stream(BareWarmUp.values()).map(w -> w.key).distinct().count());
        assertEquals("bareOrtFirstOverSteady", BareWarmUp.NONE.key);
    }

    private static Level level(int index, String id) {
        return new Level(index, id, 0.9, 0.1);
    }

    private static Workload workload() {
        Random random = new Random(1);
        float[][] images = new float[Workload.IMAGES][28 * 28];
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
        }
        return new Workload(new ShippedFiles(), new long[] {1, 1, 28, 28}, images, null);
    }

    /** Just enough of a family to hand out the shipped ONNX files by level id. */
    private static final class ShippedFiles implements ModelFamily {
        @Override
        public String id() {
            return "fmnist-ofa";
        }

        @Override
        public String version() {
            return "test";
        }

        @Override
        public InputSpec input() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> labels() {
            return List.of();
        }

        @Override
        public List<LevelSpec> levels() {
            return List.of();
        }

        @Override
        public byte[] model(String levelId) throws java.io.IOException {
            return Files.readAllBytes(SHIPPED.resolve(levelId + ".onnx"));
        }
    }
}
