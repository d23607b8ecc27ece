package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The toolchain works: the smoke bundle is active and ONNX Runtime loads in Felix. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SmokeIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.options(getClass(), "onnxruntime", "smoke");
    }

    @Test
    public void smokeBundleIsActive() {
        Bundle smoke = ItSupport.findBundle(context, "io.dynofa.smoke");
        assertNotNull("io.dynofa.smoke installed", smoke);
        assertEquals("io.dynofa.smoke state", Bundle.ACTIVE, smoke.getState());
    }

    @Test
    public void ortEnvironmentWorksInFramework() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        assertNotNull(env);
        assertTrue(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CPU));
        // the ORT classes must come from the wrapper bundle, not from the test class path
        Bundle from = org.osgi.framework.FrameworkUtil.getBundle(OrtEnvironment.class);
        assertNotNull("OrtEnvironment loaded by a bundle", from);
        assertEquals("io.dynofa.onnxruntime", from.getSymbolicName());
    }

    @Test
    public void fileInstallWatchesPerTestFolder() {
        String dir = context.getProperty(ItSupport.FILEINSTALL_DIR);
        assertNotNull(dir);
        assertTrue(dir, dir.replace('\\', '/').endsWith("fileinstall/SmokeIT"));
    }
}
