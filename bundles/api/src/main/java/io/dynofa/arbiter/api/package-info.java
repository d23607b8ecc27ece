/**
 * The gateway-level arbiter: when several deployments share one gateway, each deployment's policy proposes a
 * level and an {@link io.dynofa.arbiter.api.Arbiter} grants levels so that together they fit.
 */
@Export
@Version("1.2.0")
package io.dynofa.arbiter.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
