package io.dynofa.shell.internal;

import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo commands {@code dynofa:*} for operating the runtime's deployments. Every command takes the deployment as an
 * optional first argument; without it a command goes to the {@value Deployments#DEFAULT} deployment, else to the
 * only one there is.
 */
@Component(service = Object.class, property = {
    DynofaCommands.SCOPE_PROPERTY + "=dynofa",
    DynofaCommands.FUNCTION_PROPERTY + "=deployments",
    DynofaCommands.FUNCTION_PROPERTY + "=status",
    DynofaCommands.FUNCTION_PROPERTY + "=levels",
    DynofaCommands.FUNCTION_PROPERTY + "=policies",
    DynofaCommands.FUNCTION_PROPERTY + "=backends",
    DynofaCommands.FUNCTION_PROPERTY + "=families",
    DynofaCommands.FUNCTION_PROPERTY + "=target",
    DynofaCommands.FUNCTION_PROPERTY + "=policy",
    DynofaCommands.FUNCTION_PROPERTY + "=pin",
    DynofaCommands.FUNCTION_PROPERTY + "=unpin"})
public final class DynofaCommands {
    static final String SCOPE_PROPERTY = "osgi.command.scope";
    static final String FUNCTION_PROPERTY = "osgi.command.function";

    private final Map<String, RuntimeControl> controls = new ConcurrentSkipListMap<>();

    @Activate
    public DynofaCommands() {
    }

    /** One deployment, {@value Deployments#DEFAULT} (tests). */
    DynofaCommands(RuntimeControl control) {
        controls.put(Deployments.DEFAULT, control);
    }

    @Reference(name = "runtime", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRuntime(RuntimeControl control, Map<String, Object> properties) {
        controls.put(Deployments.of(properties), control);
    }

    void unbindRuntime(RuntimeControl control, Map<String, Object> properties) {
        controls.remove(Deployments.of(properties), control);
    }

    @Descriptor("list the deployments: name, state, family, level, target, priority, what the arbiter did")
    public String deployments() {
        return printed(Listings.deployments(controls.values().stream().map(RuntimeControl::status).toList()));
    }

    @Descriptor("show the runtime's state, level, target, counters, problems and monitor signals")
    public String status() {
        return on(null, c -> printed(StatusFormatter.format(c.status())));
    }

    @Descriptor("show one deployment's state, level, target, counters, problems and monitor signals")
    public String status(@Descriptor("deployment, see dynofa:deployments") String deployment) {
        return on(deployment, c -> printed(StatusFormatter.format(c.status())));
    }

    @Descriptor("list the active levels (Pareto front, fastest first); <- marks the level in use")
    public String levels() {
        return levels(null);
    }

    @Descriptor("list one deployment's active levels; <- marks the level in use")
    public String levels(@Descriptor("deployment, see dynofa:deployments") String deployment) {
        return on(deployment, c -> {
            RuntimeStatus status = c.status();
            return printed(Listings.levels(c.levels(), status.levelId(), status.pinned()));
        });
    }

    @Descriptor("list the installed switching policies; * marks the one in use")
    public String policies() {
        return policies(null);
    }

    @Descriptor("list the installed switching policies; * marks the one the deployment uses")
    public String policies(@Descriptor("deployment, see dynofa:deployments") String deployment) {
        return on(deployment, c -> printed(Listings.names(c.policies(), c.status().policy(), "switching policy is")));
    }

    @Descriptor("list the bound device backends; * marks the one serving")
    public String backends() {
        return backends(null);
    }

    @Descriptor("list the bound device backends; * marks the one serving the deployment")
    public String backends(@Descriptor("deployment, see dynofa:deployments") String deployment) {
        return on(deployment, c -> printed(Listings.backends(c.backends())));
    }

    @Descriptor("list the registered model families; * marks the one serving")
    public String families() {
        return families(null);
    }

    @Descriptor("list the registered model families; * marks the one serving the deployment")
    public String families(@Descriptor("deployment, see dynofa:deployments") String deployment) {
        return on(deployment, c -> printed(Listings.names(c.families(), c.status().familyId(), "model family is")));
    }

    @Descriptor("set the latency target until the configuration next changes")
    public String target(@Descriptor("latency target in milliseconds (positive)") double targetMs) {
        return target(null, targetMs);
    }

    @Descriptor("set a deployment's latency target until its configuration next changes")
    public String target(@Descriptor("deployment, see dynofa:deployments") String deployment,
                         @Descriptor("latency target in milliseconds (positive)") double targetMs) {
        return on(deployment, c -> attempt(() -> {
            c.setTarget(targetMs);
            return String.format(Locale.ROOT, "latency target set to %.3f ms", targetMs);
        }));
    }

    @Descriptor("switch to another installed switching policy")
    public String policy(@Descriptor("policy name, see dynofa:policies") String name) {
        return policy(null, name);
    }

    @Descriptor("switch a deployment to another installed switching policy")
    public String policy(@Descriptor("deployment, see dynofa:deployments") String deployment,
                         @Descriptor("policy name, see dynofa:policies") String name) {
        return on(deployment, c -> attempt(() -> {
            c.choosePolicy(name);
            return "policy set to " + name;
        }));
    }

    @Descriptor("hold one level regardless of the policy until unpin")
    public String pin(@Descriptor("level id, see dynofa:levels") String levelId) {
        return pin(null, levelId);
    }

    @Descriptor("hold one level of a deployment regardless of its policy until unpin")
    public String pin(@Descriptor("deployment, see dynofa:deployments") String deployment,
                      @Descriptor("level id, see dynofa:levels") String levelId) {
        return on(deployment, c -> attempt(() -> {
            c.pin(levelId);
            return "pinned to level " + levelId;
        }));
    }

    @Descriptor("let the policy choose the level again")
    public String unpin() {
        return unpin(null);
    }

    @Descriptor("let a deployment's policy choose the level again")
    public String unpin(@Descriptor("deployment, see dynofa:deployments") String deployment) {
        return on(deployment, c -> {
            c.unpin();
            return "unpinned: the policy chooses the level again";
        });
    }

    /** Runs {@code command} on the deployment named (null: the default one, else the only one), or says why not. */
    private String on(String deployment, Function<RuntimeControl, String> command) {
        RuntimeControl c = deployment != null ? controls.get(deployment)
            : controls.containsKey(Deployments.DEFAULT) || controls.size() != 1 ? controls.get(Deployments.DEFAULT)
            : controls.values().iterator().next();
        if (c != null) {
            return command.apply(c);
        }
        if (controls.isEmpty()) {
            return "error: no deployment is running";
        }
        return deployment != null ? "error: no deployment '" + deployment + "' (running: " + controls.keySet() + ")"
            : "error: no default deployment; name one of " + controls.keySet();
    }

    /** Gogo ends every result with a line break of its own. */
    private static String printed(String lines) {
        return lines.stripTrailing();
    }

    private static String attempt(Supplier<String> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }
}
