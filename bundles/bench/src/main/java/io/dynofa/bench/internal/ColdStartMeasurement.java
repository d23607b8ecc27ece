package io.dynofa.bench.internal;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InferenceResult;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The time to the first served result, from the launcher's start, from the JVM's start, and from the
 * launcher's start to the activation of the bench bundle: requests are retried until one is served.
 */
final class ColdStartMeasurement {
    private final InferenceService service;
    private final BenchSettings settings;

    ColdStartMeasurement(InferenceService service, BenchSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    Map<String, Object> measure(long activatedEpochMs) throws InterruptedException {
        long launch = settings.launchEpochMs();
        long jvmStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(-1L);
        Optional<InputSpec> spec;
        while ((spec = service.inputSpec()).isEmpty()) {
            Thread.sleep(1);
        }
        long[] shape = spec.get().shape();
        shape[0] = 1;
        Tensor input = Tensor.ofFloats(new float[spec.get().sampleSize()], shape);
        InferenceResult first = null;
        while (first == null) {
            try {
                first = service.infer(input);
            } catch (InferenceException e) {
                Thread.sleep(1);
            }
        }
        long firstEpochMs = System.currentTimeMillis();
        Map<String, Object> cold = new LinkedHashMap<>();
        cold.put("launchEpochMs", launch);
        cold.put("launcherToFirstResultMs", launch > 0 ? firstEpochMs - launch : null);
        cold.put("jvmStartToFirstResultMs", jvmStart > 0 ? firstEpochMs - jvmStart : null);
        cold.put("launcherToBenchBundleActiveMs", launch > 0 ? activatedEpochMs - launch : null);
        cold.put("firstLevel", first.levelId());
        return cold;
    }
}
