package io.dynofa.launcher.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;

/** In a real Felix framework with Felix ConfigAdmin and FileInstall, started as the exported jar starts them. */
public class ConfigurationFirstTest {
    private static final String CONFIGURATION = "org.apache.felix.configadmin, org.apache.felix.fileinstall";
    private static final String EXTENDER = "test.extender";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Framework framework;
    private Path dir;

    @After
    public void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    public void theExtenderStartsOnlyOnceEveryConfigurationFileIsInConfigurationAdmin() throws Exception {
        dir = tmp.newFolder("runtime-config").toPath();
        Path single = Files.writeString(dir.resolve("io.dynofa.example.cfg"), "answer = 42\n");
        Path factory = Files.writeString(dir.resolve("io.dynofa.example-one.cfg"), "name = one\n");
        // FileInstall's first scan on its own thread after a poll interval (with noInitialDelay it scans as it starts)
        BundleContext context = start(Map.of("felix.fileinstall.noInitialDelay", "false",
            "felix.fileinstall.poll", "200"));
        List<Set<Path>> seenByTheExtender = new ArrayList<>();
        Bundle extender = installAll(context);
        context.addBundleListener((SynchronousBundleListener) event -> {
            if (event.getBundle() == extender && event.getType() == BundleEvent.STARTING) {
                try {
                    seenByTheExtender.add(ConfigurationAdminFiles.delivered(context));
                } catch (ReflectiveOperationException | InvalidSyntaxException e) {
                    throw new AssertionError(e);
                }
            }
        });

        Set<Path> missing = new ConfigurationFirst().configure(context);

        assertEquals(Set.of(), missing);
        assertEquals(List.of(Set.of(single, factory)), seenByTheExtender);
        assertEquals(Bundle.ACTIVE, extender.getState());
    }

    @Test
    public void whenTheFilesNeverArriveTheBoundEndsTheWaitAndTheExtenderStartsAnyway() throws Exception {
        dir = tmp.newFolder("runtime-config").toPath();
        Path never = Files.writeString(dir.resolve("io.dynofa.example.cfg"), "answer = 42\n");
        // ConfigAdmin without FileInstall: nothing delivers the file
        BundleContext context = start(Map.of(ConfigurationFirst.CONFIGURATION_BUNDLES, "org.apache.felix.configadmin",
            ConfigurationFirst.WAIT_MS, "300"));
        Bundle extender = installAll(context);

        Set<Path> missing = new ConfigurationFirst().configure(context);

        assertEquals(Set.of(never), missing);
        assertEquals(Bundle.ACTIVE, extender.getState());
    }

    @Test
    public void theNextBundlesStartInTheirListedOrderAndAMissingNameIsSkipped() throws Exception {
        dir = tmp.newFolder("runtime-config").toPath();
        BundleContext context = start(Map.of(ConfigurationFirst.NEXT_BUNDLES,
            "test.second, not.installed, test.first, " + EXTENDER));
        installAll(context);
        installEmpty(context, "test.first");
        installEmpty(context, "test.second");
        List<String> starting = new ArrayList<>();
        context.addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STARTING) {
                starting.add(event.getBundle().getSymbolicName());
            }
        });

        new ConfigurationFirst().configure(context);

        assertEquals(List.of("org.apache.felix.configadmin", "org.apache.felix.fileinstall", "test.second",
            "test.first", EXTENDER), starting);
    }

    @Test
    public void withoutConfigurationBundlesItStartsNothing() throws Exception {
        dir = tmp.newFolder("runtime-config").toPath();
        Files.writeString(dir.resolve("io.dynofa.example.cfg"), "answer = 42\n");
        BundleContext context = start(Map.of(ConfigurationFirst.CONFIGURATION_BUNDLES, ""));
        Bundle extender = installAll(context);

        assertEquals(Set.of(), new ConfigurationFirst().configure(context));
        for (Bundle bundle : context.getBundles()) {
            assertTrue(bundle.getSymbolicName(), bundle.getBundleId() == 0 || bundle.getState() != Bundle.ACTIVE);
        }
        assertEquals(Bundle.INSTALLED, extender.getState());
    }

    private BundleContext start(Map<String, String> overrides) throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(ConfigurationFirst.CONFIGURATION_BUNDLES, CONFIGURATION);
        props.put(ConfigurationFirst.NEXT_BUNDLES, EXTENDER);
        props.put("org.osgi.framework.storage", tmp.newFolder().getAbsolutePath());
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        props.put(ConfigurationFirst.FILEINSTALL_DIR, dir.toString());
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("felix.fileinstall.log.level", "0");
        props.putAll(overrides);
        framework = new FrameworkFactory().newFramework(props);
        framework.start();
        return framework.getBundleContext();
    }

    /** Installs ConfigAdmin, FileInstall and an empty bundle standing for SCR; returns the last. */
    private Bundle installAll(BundleContext context) throws Exception {
        for (String jar : List.of("configadmin.jar", "fileinstall.jar")) {
            String path = System.getProperty(jar);
            assertTrue("the test needs -D" + jar + " (set by the launcher's pom)", path != null);
            context.installBundle(Path.of(path).toUri().toString());
        }
        return installEmpty(context, EXTENDER);
    }

    private Bundle installEmpty(BundleContext context, String symbolicName) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        Path jar = tmp.newFile(symbolicName + ".jar").toPath();
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return context.installBundle(jar.toUri().toString());
    }
}
