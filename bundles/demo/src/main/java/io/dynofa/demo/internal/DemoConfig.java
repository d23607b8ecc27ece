package io.dynofa.demo.internal;

import io.dynofa.config.internal.FilePath;
import io.dynofa.config.internal.NotBlank;
import io.dynofa.config.internal.Range;
import io.dynofa.runtime.api.Deployments;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa demo camera",
    description = "Replays the Fashion-MNIST sample as a camera through the inference service of a deployment:"
        + " frames of itemsPerFrame images at fps, each with a deadline; counts misses and accuracy. One camera per"
        + " configuration: the singleton io.dynofa.demo and each factory configuration of io.dynofa.demo.camera")
public @interface DemoConfig {

    @AttributeDefinition(description = "Run the camera; false keeps it off (the demo monitor reports why)")
    boolean enabled() default true;

    @AttributeDefinition(description = "Frames per second, on a fixed arrival clock; 0 = each frame as soon as the"
        + " one before has ended (at most 10000)")
    @Range(min = 0, max = 10_000)
    double fps() default 100;

    @AttributeDefinition(description = "Images per frame, sent as one batched request (1 to 4096)")
    @Range(min = 1, max = 4096)
    int itemsPerFrame() default 1;

    @AttributeDefinition(description = "A frame's deadline after its arrival, milliseconds; 0 = the frame period"
        + " (1000 / fps; no deadline when fps is 0) (0 to 60000)")
    @Range(min = 0, max = 60_000)
    double deadlineMs() default 0;

    @AttributeDefinition(description = "File every frame is appended to as one JSON line (emptied when the camera"
        + " first opens it), relative to the JVM's working directory unless absolute; empty = no frame log")
    String frameLog() default "";

    @AttributeDefinition(description = "Largest size of the frame log, MiB; the log stops there, named as a"
        + " problem (1 to 65536)")
    @Range(min = 1, max = 65_536)
    int frameLogMaxMb() default 256;

    @AttributeDefinition(description = "The sliding window of the frame metrics (frame.*): the frames that ended"
        + " in the last windowMs milliseconds (10 to 60000)")
    @Range(min = 10, max = 60_000)
    long windowMs() default 1000;

    @AttributeDefinition(description = "Folder with t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz,"
        + " relative to the JVM's working directory unless absolute")
    @FilePath
    String sampleDir() default "models/samples/fashion-mnist";

    @AttributeDefinition(description = "Start over after the last image; false = stop after one pass")
    boolean loop() default true;

    @AttributeDefinition(description = "The deployment whose inference service the camera sends to (the service"
        + " property dynofa.deployment; a service without it counts as the deployment named default); the camera's"
        + " frame metrics are that deployment's alone")
    @NotBlank
    String deployment() default Deployments.DEFAULT;
}
