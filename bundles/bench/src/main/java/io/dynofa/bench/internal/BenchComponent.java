package io.dynofa.bench.internal;

import io.dynofa.family.api.ModelFamily;
import io.dynofa.headless.internal.OrderlyExit;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.policy.api.SwitchingPolicy;
import io.dynofa.runtime.api.RuntimeControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the benchmark when the framework property {@value #OUT} names an output file (bench.sh sets it),
 * writes the JSON there and ends the JVM with status 0 (1 when it failed) through {@link OrderlyExit}, as the
 * headless reporter does; does nothing otherwise.
 */
@Component(immediate = true, service = {})
public final class BenchComponent {
    static final String OUT = "dynofa.bench.out";

    private final Thread thread;

    @Activate
    public BenchComponent(BundleContext context, @Reference InferenceService service,
                          @Reference RuntimeControl control, @Reference ConfigurationAdmin configAdmin) {
        long activated = System.currentTimeMillis();
        MemorySnapshot atActivation = MemorySnapshot.take();
        String out = context.getProperty(OUT);
        if (out == null || out.isBlank()) {
            thread = null;
            return;
        }
        String mode = prop(context, "dynofa.bench.mode", "full");
        Path sample = Path.of(prop(context, "dynofa.bench.sample",
            "models/samples/fashion-mnist/t10k-images-idx3-ubyte.gz"));
        long launch = Long.parseLong(prop(context, "dynofa.bench.launchEpochMs", "-1"));
        BenchPolicy policy = new BenchPolicy();
        if (!mode.equals("coldstart") && !mode.equals("idle")) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(SwitchingPolicy.POLICY_NAME, BenchPolicy.NAME);
            context.registerService(SwitchingPolicy.class, policy, props);
        }
        BenchRun run = new BenchRun(service, control, id -> family(context, id),
            new BenchSettings(mode, sample, launch), policy, new RuntimeConfiguration(configAdmin));
        thread = new Thread(() -> {
            int status = 0;
            Map<String, Object> report;
            try {
                report = run.run(activated, atActivation);
            } catch (Throwable t) {
                report = new LinkedHashMap<>();
                report.put("error", t.toString());
                t.printStackTrace();
                status = 1;
            }
            try {
                Files.writeString(Path.of(out), ReportJson.write(report));
            } catch (IOException e) {
                e.printStackTrace();
                status = 1;
            }
            OrderlyExit.exit(context, status, "dynofa-bench-exit");
        }, "dynofa-bench");
        thread.start();
    }

    @Deactivate
    void deactivate() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private static String prop(BundleContext context, String key, String fallback) {
        String v = context.getProperty(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static ModelFamily family(BundleContext context, String id) {
        try {
            Collection<ServiceReference<ModelFamily>> refs = context.getServiceReferences(ModelFamily.class,
                "(" + ModelFamily.FAMILY_ID + "=" + id + ")");
            if (refs.isEmpty()) {
                throw new IllegalStateException("family " + id + " is not registered");
            }
            return context.getService(refs.iterator().next());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
