package io.dynofa.config.internal;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.ProblemSource;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A component's configuration in force, read with a {@link ConfigReader} on activation and on every
 * modification, and its problems offered as a {@link ProblemSource} service (property
 * {@link ProblemSource#SOURCE} = the configuration's {@code service.pid}: the PID, or for a factory
 * configuration the PID with its instance name) until {@link #close()}. Thread-safe.
 */
public final class LiveConfig<A extends Annotation> implements AutoCloseable {
    private static final Logger LOG = System.getLogger(LiveConfig.class.getName());

    private final ConfigReader<A> reader;
    private final String source;
    private final Supplier<List<Problem>> more;
    private final ServiceRegistration<ProblemSource> registration;
    private volatile ConfigRead<A> current;

    /** As {@link #LiveConfig(BundleContext, String, ConfigReader, Map, Supplier)}, without further problems. */
    public LiveConfig(BundleContext context, String pid, ConfigReader<A> reader, Map<String, ?> properties) {
        this(context, pid, reader, properties, List::of);
    }

    /** As {@link #withDetails}, with further problems given as texts only ({@link Problem#UNSPECIFIED}). */
    public LiveConfig(BundleContext context, String pid, ConfigReader<A> reader, Map<String, ?> properties,
                      Supplier<List<String>> more) {
        this(reader, properties, pid, () -> more.get().stream()
            .map(text -> new Problem(null, Problem.UNSPECIFIED, null, text)).toList(), context);
    }

    /**
     * Reads {@code properties} (the defaults in force) and registers the problem source.
     *
     * @param pid the component's configuration PID, the source's name when {@code properties} carry no
     *     {@code service.pid} (no configuration yet)
     * @param more the component's other current problems with their codes, listed after the configuration's
     *     (cheap, thread-safe)
     */
    public static <A extends Annotation> LiveConfig<A> withDetails(BundleContext context, String pid,
                                                                   ConfigReader<A> reader, Map<String, ?> properties,
                                                                   Supplier<List<Problem>> more) {
        return new LiveConfig<>(reader, properties, pid, more, context);
    }

    private LiveConfig(ConfigReader<A> reader, Map<String, ?> properties, String pid, Supplier<List<Problem>> more,
                       BundleContext context) {
        this.reader = reader;
        this.source = sourceOf(properties, pid);
        this.more = more;
        this.current = logged(reader.read(properties, null));
        Dictionary<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(ProblemSource.SOURCE, source);
        this.registration = context.registerService(ProblemSource.class, new ProblemSource() {
            @Override
            public List<String> problems() {
                return LiveConfig.this.problems();
            }

            @Override
            public List<Problem> details() {
                return LiveConfig.this.details();
            }
        }, serviceProperties);
    }

    /** The configuration in force. */
    public A config() {
        return current.config();
    }

    /**
     * Reads a modified configuration against the one in force, which it replaces.
     *
     * @return whether the configuration in force changed (false when every new value was rejected, say)
     */
    public synchronized boolean update(Map<String, ?> properties) {
        A before = current.config();
        current = logged(reader.read(properties, before));
        return !current.config().equals(before);
    }

    /** The last configuration's problems, then the component's others, for people. */
    public List<String> problems() {
        return details().stream().map(Problem::text).toList();
    }

    /** The last configuration's problems, then the component's others, with their codes. */
    public List<Problem> details() {
        List<Problem> all = new ArrayList<>(current.details());
        all.addAll(more.get());
        return all;
    }

    /** Withdraws the problem source. */
    @Override
    public void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework has withdrawn it
        }
    }

    private ConfigRead<A> logged(ConfigRead<A> read) {
        read.problems().forEach(problem -> LOG.log(Level.WARNING, "configuration " + source + ": " + problem));
        return read;
    }

    private static String sourceOf(Map<String, ?> properties, String pid) {
        return properties.get("service.pid") instanceof String configured && !configured.isBlank() ? configured : pid;
    }
}
