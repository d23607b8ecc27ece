package io.dynofa.bench.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.policy.api.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One request, batch 1: {@link InferenceService#infer} with the level pinned, against a bare ONNX Runtime
 * session of the same level (the CPU backend's options) fed a new tensor per call, and fed one reused
 * input tensor; the smallest and the largest active level. Run with {@code -prof gc} for the allocation
 * per request ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class InferenceOverheadBenchmark {
    private static final String SAMPLE = "models/samples/fashion-mnist/t10k-images-idx3-ubyte.gz";

    @Param({"smallest", "largest"})
    public String level;

    private EmbeddedGateway embedded;
    private InferenceService service;
    private BareOrt bare;
    private Tensor[] tensors;
    private float[][] images;
    private int next;

    @Setup
    public void start() throws Exception {
        embedded = EmbeddedGateway.start();
        Gateway gateway = embedded.gateway();
        service = gateway.service();
        List<Level> levels = gateway.control().levels();
        Level pinned = level.equals("smallest") ? levels.get(0) : levels.get(levels.size() - 1);
        Workload work = Workload.load(embedded.family(), service.inputSpec().orElseThrow(), Path.of(SAMPLE));
        tensors = work.tensors();
        images = work.images();
        gateway.pinAndWait(pinned, tensors[0]);
        bare = new BareOrt(embedded.family().model(pinned.id()), work.shape());
    }

    @TearDown
    public void stop() throws Exception {
        bare.close();
        embedded.close();
    }

    @Benchmark
    public float service() throws Exception {
        return service.infer(tensors[next++ & (Workload.IMAGES - 1)]).output().floats()[0];
    }

    @Benchmark
    public float bareOrt() throws Exception {
        return bare.run(images[next++ & (Workload.IMAGES - 1)])[0];
    }

    @Benchmark
    public float bareOrtReusedInput() throws Exception {
        return bare.runReused(images[next++ & (Workload.IMAGES - 1)])[0];
    }
}
