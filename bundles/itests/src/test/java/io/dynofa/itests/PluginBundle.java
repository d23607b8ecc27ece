package io.dynofa.itests;

import io.dynofa.itests.plugin.SameIdActivator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Builds, in the test, a plug-in bundle whose {@link SameIdActivator} registers what its headers say. */
public final class PluginBundle {
    private static final String IMPORTS = "org.osgi.framework, io.dynofa.backend.api, io.dynofa.family.api, "
        + "io.dynofa.inference.api, io.dynofa.policy.api";

    private PluginBundle() {
    }

    /** Writes the bundle {@code symbolicName} into {@code dir}, installs and starts it. */
    public static Bundle start(BundleContext context, Path dir, String symbolicName, Map<String, String> headers)
        throws BundleException {
        Path jar = dir.resolve(symbolicName + ".jar");
        write(jar, symbolicName, headers);
        Bundle bundle = context.installBundle(jar.toUri().toString());
        bundle.start();
        return bundle;
    }

    private static void write(Path jar, String symbolicName, Map<String, String> headers) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", SameIdActivator.class.getName());
        main.putValue("Import-Package", IMPORTS);
        headers.forEach(main::putValue);
        List<Class<?>> classes = new ArrayList<>(List.of(SameIdActivator.class));
        classes.addAll(List.of(SameIdActivator.class.getDeclaredClasses()));
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file,
                manifest)) {
                for (Class<?> type : classes) {
                    String entry = type.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(entry));
                    try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
                        bytes.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }
}
