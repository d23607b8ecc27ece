@Export
@Version("1.1.0")
package io.dynofa.family.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
