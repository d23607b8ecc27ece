package io.dynofa.inference.api;

import java.util.Arrays;

/**
 * How raw pixels become model input: {@code x = (pixel * scale - mean[c]) / std[c]} for channel c.
 *
 * @param scale multiplier applied to the raw pixel first (e.g. 1/255)
 * @param mean per-channel mean subtracted after scaling
 * @param std per-channel standard deviation divided by last
 */
public record Normalisation(double scale, double[] mean, double[] std) {

    public Normalisation {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value per channel: "
                + Arrays.toString(mean) + " vs " + Arrays.toString(std));
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The normalised value of {@code pixel} in channel {@code channel}. */
    public float apply(double pixel, int channel) {
        int c = channel % mean.length;
        return (float) ((pixel * scale - mean[c]) / std[c]);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }
}
