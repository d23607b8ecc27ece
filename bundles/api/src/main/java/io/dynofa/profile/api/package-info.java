/**
 * Device latency profiles: every candidate of a model family measured on one backend configuration,
 * the accuracy/latency Pareto levels chosen from them, where profiles are kept
 * ({@link io.dynofa.profile.api.ProfileStore}) and who measures them ({@link io.dynofa.profile.api.Profiler}).
 */
@Export
@Version("1.2.0")
package io.dynofa.profile.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
