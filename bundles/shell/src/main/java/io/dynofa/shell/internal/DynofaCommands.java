package io.dynofa.shell.internal;

import io.dynofa.runtime.api.RuntimeControl;
import io.dynofa.runtime.api.RuntimeStatus;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands {@code dynofa:*} for operating the runtime manager. */
@Component(service = Object.class, property = {
    DynofaCommands.SCOPE_PROPERTY + "=dynofa",
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

    private final RuntimeControl control;

    @Activate
    public DynofaCommands(@Reference(name = "runtime") RuntimeControl control) {
        this.control = control;
    }

    @Descriptor("show the runtime's state, level, target, counters, problems and monitor signals")
    public String status() {
        return printed(StatusFormatter.format(control.status()));
    }

    @Descriptor("list the active levels (Pareto front, fastest first); <- marks the level in use")
    public String levels() {
        RuntimeStatus status = control.status();
        return printed(Listings.levels(control.levels(), status.levelId(), status.pinned()));
    }

    @Descriptor("list the installed switching policies; * marks the one in use")
    public String policies() {
        return printed(Listings.names(control.policies(), control.status().policy(), "switching policy is"));
    }

    @Descriptor("list the bound device backends; * marks the one serving")
    public String backends() {
        return printed(Listings.backends(control.backends()));
    }

    @Descriptor("list the registered model families; * marks the one serving")
    public String families() {
        return printed(Listings.names(control.families(), control.status().familyId(), "model family is"));
    }

    @Descriptor("set the latency target until the configuration next changes")
    public String target(@Descriptor("latency target in milliseconds (positive)") double targetMs) {
        return attempt(() -> {
            control.setTarget(targetMs);
            return String.format(Locale.ROOT, "latency target set to %.3f ms", targetMs);
        });
    }

    @Descriptor("switch to another installed switching policy")
    public String policy(@Descriptor("policy name, see dynofa:policies") String name) {
        return attempt(() -> {
            control.choosePolicy(name);
            return "policy set to " + name;
        });
    }

    @Descriptor("hold one level regardless of the policy until unpin")
    public String pin(@Descriptor("level id, see dynofa:levels") String levelId) {
        return attempt(() -> {
            control.pin(levelId);
            return "pinned to level " + levelId;
        });
    }

    @Descriptor("let the policy choose the level again")
    public String unpin() {
        control.unpin();
        return "unpinned: the policy chooses the level again";
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
