package io.dynofa.http.internal;

import io.dynofa.inference.api.InferenceService;
import io.dynofa.runtime.api.RuntimeControl;

/** A deployment's services, as registered with its name ({@link io.dynofa.runtime.api.Deployments#PROPERTY}). */
record Deployment(String name, InferenceService inference, RuntimeControl control) {
}
