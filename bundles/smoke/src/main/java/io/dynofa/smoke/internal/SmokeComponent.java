package io.dynofa.smoke.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Proves that ONNX Runtime (JNI) loads inside the OSGi framework. */
@Component(immediate = true, configurationPid = SmokeComponent.PID)
@Designate(ocd = SmokeComponent.Config.class)
public final class SmokeComponent {

    static final String PID = "io.dynofa.smoke";

    private static final Logger LOG = System.getLogger(SmokeComponent.class.getName());

    @ObjectClassDefinition(name = "Dynofa smoke component")
    public @interface Config {
        @AttributeDefinition(description = "Prefix of the startup log line")
        String greeting() default "dynofa smoke";
    }

    @Activate
    public SmokeComponent(Config config) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
        LOG.log(Level.INFO, "{0}: ONNX Runtime {1} loaded, providers={2}",
                config.greeting(), env.getVersion(), providers);
    }
}
