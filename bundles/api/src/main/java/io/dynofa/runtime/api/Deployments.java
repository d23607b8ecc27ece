package io.dynofa.runtime.api;

import java.util.Map;

/**
 * Names every deployment shares. A deployment is one application's use of the gateway: its family, target or
 * deadline, policy and priority, configured as a ConfigAdmin factory configuration {@code io.dynofa.deployment}
 * (the single {@code io.dynofa.runtime} configuration is the deployment named {@link #DEFAULT}). Each deployment
 * registers its own {@link io.dynofa.inference.api.InferenceService} and {@link RuntimeControl} with the service
 * property {@link #PROPERTY}, so an application picks its own with a target filter such as
 * {@code (dynofa.deployment=camera-1)}.
 *
 * @since 1.4
 */
public final class Deployments {
    /** Service property naming the deployment a service belongs to. */
    public static final String PROPERTY = "dynofa.deployment";
    /** Service property with the deployment's priority (an Integer, higher wins an arbitration). */
    public static final String PRIORITY_PROPERTY = "dynofa.priority";
    /** The deployment the {@code io.dynofa.runtime} configuration makes. */
    public static final String DEFAULT = "default";
    /** The factory PID of deployment configurations. */
    public static final String FACTORY_PID = "io.dynofa.deployment";

    private Deployments() {
    }

    /**
     * The deployment a service belongs to, from its service properties: {@link #PROPERTY}, or {@link #DEFAULT} for a
     * service without it (a runtime that predates deployments).
     */
    public static String of(Map<String, ?> serviceProperties) {
        Object name = serviceProperties == null ? null : serviceProperties.get(PROPERTY);
        return name == null ? DEFAULT : name.toString();
    }
}
