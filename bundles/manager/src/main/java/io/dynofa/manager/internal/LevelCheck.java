package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.family.api.Sample;
import io.dynofa.inference.api.DType;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.Tensor;
import io.dynofa.inference.api.TensorSpec;
import io.dynofa.runtime.api.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Whether a loaded level is what its manifest entry says, before it may serve: its graph's input and output
 * match the family's (names, dtypes, shapes), a probe run gives finite outputs of the right shape, and its
 * top-1 on the first images of the family's labelled sample is within a tolerance of the manifest's
 * {@link LevelSpec#sampleTop1()} (damaged or substituted weights fail here although the file's hash passes).
 */
final class LevelCheck {
    private final ModelFamily family;
    private final InputSpec input;
    private final Optional<TensorSpec> output;
    private final int classes;
    private final Tensor probe;
    private final List<Tensor> images;
    private final int[] labels;
    private final double tolerance;

    private LevelCheck(ModelFamily family, List<Tensor> images, int[] labels, double tolerance) {
        this.family = family;
        this.input = family.input();
        this.output = family.output();
        this.classes = family.labels().size();
        this.probe = input.probe();
        this.images = images;
        this.labels = labels;
        this.tolerance = tolerance;
    }

    /**
     * The check for {@code family}, with the first {@code sampleSize} images of its sample (none when 0 or
     * when it ships none; a sample that cannot be read is a problem, and levels are then checked without it).
     */
    static LevelCheck of(ModelFamily family, int sampleSize, double tolerancePct, Consumer<Problem> problems) {
        List<Tensor> images = new ArrayList<>();
        int[] labels = new int[0];
        if (sampleSize > 0) {
            try {
                Optional<Sample> sample = family.sample();
                if (sample.isPresent() && sample.get().inputs().dtype() != DType.FLOAT32) {
                    problems.accept(Problems.of(Problem.SAMPLE_UNUSABLE, family.id(), "family " + family.id()
                        + ": only float32 samples are checked; levels checked without the sample"));
                } else if (sample.isPresent()) {
                    labels = Arrays.copyOf(sample.get().labels(), Math.min(sampleSize, sample.get().size()));
                    images = split(sample.get().inputs(), labels.length);
                }
            } catch (IOException | RuntimeException e) {
                problems.accept(Problems.of(Problem.SAMPLE_UNUSABLE, family.id(), "family " + family.id()
                    + ": sample unreadable, levels checked without it: " + e.getMessage()));
                labels = new int[0];
                images = List.of();
            }
        }
        return new LevelCheck(family, images, labels, tolerancePct);
    }

    /** Images checked per level. */
    int sampleSize() {
        return labels.length;
    }

    /** Why {@code model} must not serve: its signature, or its output on a probe input; empty when it may. */
    Optional<String> refusal(LoadedModel model) {
        Optional<String> signature = signature(model);
        if (signature.isPresent()) {
            return signature;
        }
        try {
            return output(model.run(probe), 1).map(why -> "on a probe input " + why);
        } catch (BackendException | RuntimeException e) {
            return Optional.of("it fails on a probe input: " + e.getMessage());
        }
    }

    /**
     * Why {@code model} must not serve as {@code spec} judged by the labelled sample: its top-1 on the checked
     * images is too far from the manifest's (or an output is wrong); empty when it may (or there is no sample).
     *
     * @param abandoned true once nobody waits for the answer (the check then stops early)
     */
    Optional<String> sampleRefusal(LevelSpec spec, LoadedModel model, BooleanSupplier abandoned) {
        try {
            return sample(spec, model, abandoned);
        } catch (BackendException | RuntimeException e) {
            return Optional.of("it fails on a sample image: " + e.getMessage());
        }
    }

    private Optional<String> signature(LoadedModel model) {
        List<TensorSpec> inputs = model.inputs();
        if (inputs.size() > 1) {
            return Optional.of("it takes " + inputs.size() + " inputs " + inputs + "; the family feeds one");
        }
        if (inputs.size() == 1) {
            TensorSpec in = inputs.get(0);
            TensorSpec want = new TensorSpec(input.name(), input.shape(), input.dtype());
            if (!in.name().equals(want.name()) || in.dtype() != want.dtype() || !want.shapeMatches(in.shape())) {
                return Optional.of("its input " + in + " does not match the family's " + want);
            }
        }
        List<TensorSpec> outputs = model.outputs();
        if (!outputs.isEmpty() && output.isPresent()) {
            TensorSpec out = outputs.get(0);
            TensorSpec want = output.get();
            if (!out.name().equals(want.name()) || out.dtype() != want.dtype() || !want.shapeMatches(out.shape())) {
                return Optional.of("its output " + out + " does not match the family's " + want);
            }
        }
        return Optional.empty();
    }

    /** Why an output for a batch of {@code batch} is wrong: shape other than [batch, classes], or not finite. */
    private Optional<String> output(Tensor out, int batch) {
        long[] shape = out.shape();
        if (shape.length != 2 || shape[0] != batch || shape[1] != classes) {
            return Optional.of("it gives an output of shape " + Arrays.toString(shape) + ", expected [" + batch + ", "
                + classes + "] (" + classes + " classes in the manifest)");
        }
        int bad = OutputCheck.firstNonFinite(out);
        return bad < 0 ? Optional.empty() : Optional.of("its output element " + bad + " is "
            + out.floats()[bad] + " (not finite)");
    }

    private Optional<String> sample(LevelSpec spec, LoadedModel model, BooleanSupplier abandoned)
        throws BackendException {
        if (labels.length == 0) {
            return Optional.empty();
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (abandoned.getAsBoolean()) {
                return Optional.of("abandoned");
            }
            Tensor out = model.run(images.get(i));
            Optional<String> wrong = output(out, 1);
            if (wrong.isPresent()) {
                return Optional.of("on sample image " + i + " " + wrong.get());
            }
            correct += out.argMax() == labels[i] ? 1 : 0;
        }
        double top1 = 100.0 * correct / labels.length;
        if (Math.abs(top1 - spec.sampleTop1()) > tolerance) {
            return Optional.of(String.format("its top-1 on the first %d sample images is %.1f %%, the manifest says "
                + "%.1f %% (tolerance %.1f points): its weights are not the ones the manifest describes",
                labels.length, top1, spec.sampleTop1(), tolerance));
        }
        return Optional.empty();
    }

    private static List<Tensor> split(Tensor batch, int count) {
        long[] shape = batch.shape();
        shape[0] = 1;
        int size = Math.toIntExact(batch.floats().length / batch.dim(0));
        List<Tensor> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(Tensor.ofFloats(Arrays.copyOfRange(batch.floats(), i * size, (i + 1) * size), shape));
        }
        return images;
    }

    @Override
    public String toString() {
        return "LevelCheck[" + family.id() + ", " + labels.length + " sample images]";
    }
}
