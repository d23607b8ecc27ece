@Export
@Version("1.1.1")
package io.dynofa.backend.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
