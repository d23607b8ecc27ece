package io.dynofa.runtime.api;

import io.dynofa.policy.api.Level;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Operator control of the running manager (used by the shell commands). Changes made here hold
 * until the manager's configuration is next updated through ConfigAdmin, which then wins.
 */
@ProviderType
public interface RuntimeControl {

    RuntimeStatus status();

    /** The active levels, fastest first; empty while no family is active. */
    List<Level> levels();

    /** Names of the bound policies. */
    List<String> policies();

    /** Ids of the registered families. */
    List<String> families();

    List<BackendInfo> backends();

    /** @throws IllegalArgumentException when {@code targetMs} is not a positive finite number */
    void setTarget(double targetMs);

    /** @throws IllegalArgumentException naming the bound policies when {@code name} is not one of them */
    void choosePolicy(String name);

    /** Holds the level with this id until {@link #unpin()}. @throws IllegalArgumentException if not active */
    void pin(String levelId);

    void unpin();
}
