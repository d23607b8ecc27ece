package io.dynofa.itests;

import static org.junit.Assert.fail;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import io.dynofa.monitor.api.Monitor;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** In-framework helpers shared by the integration tests: services, waiting, configuration, inputs. */
public final class Gateway {
    /** Generous: machines here are shared and noisy; a pass never waits this long. */
    public static final long TIMEOUT_MS = 60_000;

    private final BundleContext context;

    public Gateway(BundleContext context) {
        this.context = context;
    }

    /** The service, waiting for it to appear. */
    public <T> T service(Class<T> type) {
        return service(type, null);
    }

    public <T> T service(Class<T> type, String filter) {
        T[] found = newArray(1);
        await("service " + type.getSimpleName() + (filter == null ? "" : " " + filter), () -> {
            T s = current(type, filter);
            found[0] = s;
            return s != null;
        });
        return found[0];
    }

    /** The service now, or null. */
    public <T> T current(Class<T> type, String filter) {
        try {
            for (ServiceReference<T> ref : context.getServiceReferences(type, filter)) {
                T s = context.getService(ref);
                if (s != null) {
                    return s;
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public RuntimeControl control() {
        return service(RuntimeControl.class);
    }

    public InferenceService inference() {
        return service(InferenceService.class);
    }

    /** Waits until the runtime serves, and returns its status. */
    public RuntimeStatus ready() {
        RuntimeControl control = control();
        await(() -> "runtime READY; status " + control.status(),
            () -> control.status().state() == RuntimeStatus.State.READY);
        return control.status();
    }

    /** The readings of the monitor named {@code name}, waiting for the monitor. */
    public Map<String, Double> monitor(String name) {
        return find(name).read();
    }

    private Monitor find(String name) {
        Monitor[] found = new Monitor[1];
        await("monitor " + name, () -> {
            try {
                for (ServiceReference<Monitor> ref : context.getServiceReferences(Monitor.class, null)) {
                    Monitor m = context.getService(ref);
                    if (m != null && name.equals(m.name())) {
                        found[0] = m;
                        return true;
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            return false;
        });
        return found[0];
    }

    /** Creates or replaces the configuration {@code pid} (a singleton configuration). */
    public void configure(String pid, Map<String, ?> properties) {
        try {
            Configuration c = context.getService(context.getServiceReference(ConfigurationAdmin.class))
                .getConfiguration(pid, "?");
            Dictionary<String, Object> d = new Hashtable<>();
            properties.forEach(d::put);
            c.update(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteConfiguration(String pid) {
        try {
            Configuration c = context.getService(context.getServiceReference(ConfigurationAdmin.class))
                .getConfiguration(pid, "?");
            c.delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid batch-1 input for the project's family (a mid-grey image). */
    public static Tensor validInput() {
        float[] pixels = new float[28 * 28];
        java.util.Arrays.fill(pixels, 0.5f);
        return Tensor.ofFloats(pixels, 1, 1, 28, 28);
    }

    public static void await(String what, BooleanSupplier condition) {
        await(() -> what, condition);
    }

    public static void await(Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out after " + TIMEOUT_MS + " ms waiting for " + what.get());
            }
            sleep(50);
        }
    }

    /** Waits until {@code value} yields {@code expected}; returns it. */
    public static <T> T awaitValue(Supplier<T> value, T expected) {
        await(() -> expected + " (now " + value.get() + ")", () -> expected.equals(value.get()));
        return value.get();
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newArray(int n) {
        return (T[]) new Object[n];
    }
}
