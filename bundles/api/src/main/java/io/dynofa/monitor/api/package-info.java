@Export
@Version("1.4.0")
package io.dynofa.monitor.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
