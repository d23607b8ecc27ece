@Export
@Version("1.2.0")
package io.dynofa.backend.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
