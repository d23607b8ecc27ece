package io.dynofa.demo.internal;

import io.dynofa.config.internal.FilePath;
import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa demo camera",
    description = "Replays the Fashion-MNIST sample as a camera through the inference service and counts accuracy")
public @interface DemoConfig {

    @AttributeDefinition(description = "Run the camera; false keeps it off (the demo monitor reports why)")
    boolean enabled() default true;

    @AttributeDefinition(description = "Frames per second; 0 = as fast as the inference service answers (at most"
        + " 10000)")
    @Range(min = 0, max = 10_000)
    double fps() default 100;

    @AttributeDefinition(description = "Folder with t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz,"
        + " relative to the JVM's working directory unless absolute")
    @FilePath
    String sampleDir() default "models/samples/fashion-mnist";

    @AttributeDefinition(description = "Start over after the last frame; false = stop after one pass")
    boolean loop() default true;
}
