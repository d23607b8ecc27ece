package io.dynofa.demo.internal;

import io.dynofa.inference.api.InferenceException;
import io.dynofa.inference.api.InputSpec;

/** Where element e of one input sample comes from: which image pixel, which channel (NCHW or NHWC). */
record ChannelLayout(int channels, int imageSize, boolean channelsLast) {

    static ChannelLayout of(InputSpec spec, int imageSize) throws InferenceException {
        int size = spec.sampleSize();
        if (size % imageSize != 0) {
            throw FrameEncoder.invalid("a " + imageSize + "-pixel sample image does not fill the input shape "
                + spec.shapeText());
        }
        return new ChannelLayout(size / imageSize, imageSize, "NHWC".equalsIgnoreCase(spec.layout()));
    }

    int pixelOf(int element) {
        return channelsLast ? element / channels : element % imageSize;
    }

    int channelOf(int element) {
        return channelsLast ? element % channels : element / imageSize;
    }
}
