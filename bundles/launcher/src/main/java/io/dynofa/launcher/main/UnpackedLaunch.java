package io.dynofa.launcher.main;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Main-Class of the exported gateway jar: starts bnd's embedded launcher from an unpacked copy of the jar.
 *
 * <p>Run from the jar itself, bnd's launcher installs each bundle from a stream under the bare location
 * {@code jar/name.jar}, which {@code Bundle.update()} (Gogo {@code update N}) cannot open
 * ({@code MalformedURLException: no protocol}). Run from a directory, the same launcher finds each bundle as a
 * file and installs it by reference, under {@code reference:file:/.../jar/name.jar}, a location that
 * {@code update()} reads again. So the jar is unpacked into a {@link RunDirectory} of this JVM and bnd's
 * launcher runs from there, with everything else (arguments, properties, exit status) unchanged. The copy
 * costs what it saves: the framework no longer copies each bundle into its cache. When the jar cannot be
 * unpacked (no space, no temporary folder), it says so and runs from the jar as bnd made it.
 */
public final class UnpackedLaunch {
    static final String BND_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";

    private UnpackedLaunch() {
    }

    public static void main(String[] args) throws Throwable {
        Path jar = ownJar();
        ClassLoader loader = UnpackedLaunch.class.getClassLoader();
        if (jar != null) {
            Path dir = unpacked(jar);
            if (dir != null) {
                loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                Thread.currentThread().setContextClassLoader(loader);
            }
        }
        MethodHandle main = MethodHandles.publicLookup().findStatic(loader.loadClass(BND_LAUNCHER), "main",
            MethodType.methodType(void.class, String[].class));
        main.invoke(args);
    }

    /** The jar unpacked into this JVM's run directory; null (the jar runs as it is) when that cannot be done. */
    private static Path unpacked(Path jar) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = null;
        try {
            dir = RunDirectory.create(tmp, ProcessHandle.current());
            JarUnpacker.unpack(jar, dir);
            return dir;
        } catch (IOException | RuntimeException e) {
            if (dir != null) {
                RunDirectory.delete(dir);
            }
            System.err.println("dynofa: cannot unpack " + jar + " into " + tmp + " (" + e + "): running from the "
                + "jar, where Gogo `update N` cannot read the shipped bundles again");
            return null;
        }
    }

    /** The jar this class was loaded from, or null when it was loaded from a directory (already unpacked). */
    private static Path ownJar() throws URISyntaxException {
        Path source = Path.of(UnpackedLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isRegularFile(source) ? source : null;
    }
}
