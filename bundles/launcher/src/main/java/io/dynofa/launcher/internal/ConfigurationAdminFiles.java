package io.dynofa.launcher.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The files FileInstall has delivered to ConfigurationAdmin: the {@code felix.fileinstall.filename} of every
 * configuration. The launcher lives on the framework's class path, where {@code org.osgi.service.cm} is not, so the
 * service is called through the interface the registering bundle sees (and found among all references: whether the
 * framework's class path can load that interface must not matter).
 */
final class ConfigurationAdminFiles {
    static final String ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    static final String CONFIGURATION = "org.osgi.service.cm.Configuration";
    static final String FILENAME = "felix.fileinstall.filename";

    private ConfigurationAdminFiles() {
    }

    /** The delivered files, absolute and normalised; empty while no ConfigurationAdmin is registered. */
    static Set<Path> delivered(BundleContext context) throws ReflectiveOperationException, InvalidSyntaxException {
        Set<Path> files = new HashSet<>();
        ServiceReference<?>[] references = context.getAllServiceReferences(ADMIN, null);
        ServiceReference<?> reference = references == null ? null : references[0];
        if (reference == null || reference.getBundle() == null) {
            return files;
        }
        Object admin = context.getService(reference);
        if (admin == null) {
            return files;
        }
        try {
            Class<?> adminType = reference.getBundle().loadClass(ADMIN);
            Class<?> configurationType = reference.getBundle().loadClass(CONFIGURATION);
            Method list = adminType.getMethod("listConfigurations", String.class);
            Method properties = configurationType.getMethod("getProperties");
            Object[] configurations = (Object[]) invoke(list, admin, "(" + FILENAME + "=*)");
            for (Object configuration : configurations == null ? new Object[0] : configurations) {
                Object name = invoke(properties, configuration) instanceof Dictionary<?, ?> d ? d.get(FILENAME) : null;
                Path file = path(name);
                if (file != null) {
                    files.add(file);
                }
            }
        } finally {
            context.ungetService(reference);
        }
        return files;
    }

    private static Object invoke(Method method, Object target, Object... args) throws ReflectiveOperationException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalStateException) {
                return null; // a configuration deleted meanwhile
            }
            throw e;
        }
    }

    /** The file a FileInstall file name (a {@code file:} URI, or a plain path) stands for, or null. */
    static Path path(Object name) {
        if (!(name instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            Path file = text.startsWith("file:") ? Path.of(URI.create(text)) : Path.of(text);
            return file.toAbsolutePath().normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }
}
