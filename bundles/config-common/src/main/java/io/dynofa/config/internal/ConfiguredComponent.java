package io.dynofa.config.internal;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.function.Function;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * Base of a Declarative Services component whose working part {@code T} (a rule, a reader, a backend) is made
 * from its configuration {@code A}: made on activation, made anew when a modification changes the
 * configuration in force, and kept, state and all, when it does not (every new value rejected, say). The
 * configuration's problems are those of its {@link LiveConfig}, withdrawn on deactivation.
 */
public abstract class ConfiguredComponent<A extends Annotation, T> {
    private final LiveConfig<A> config;
    private final Function<A, T> make;
    private volatile T current;

    /** @param make the working part a configuration asks for; must not fail for any configuration read */
    protected ConfiguredComponent(LiveConfig<A> config, Function<A, T> make) {
        this.config = config;
        this.make = make;
        this.current = make.apply(config.config());
    }

    /** The working part made from the configuration in force. */
    protected final T current() {
        return current;
    }

    /** Called (on the thread that modifies) once {@code now} has replaced {@code old}; does nothing here. */
    protected void replaced(T old, T now) {
    }

    /** Called on deactivation, before the problems are withdrawn; does nothing here. */
    protected void stopping(T last) {
    }

    @Modified
    public synchronized void modified(Map<String, Object> properties) {
        if (config.update(properties)) {
            T old = current;
            current = make.apply(config.config());
            replaced(old, current);
        }
    }

    @Deactivate
    public synchronized void deactivate() {
        stopping(current);
        config.close();
    }
}
