package io.dynofa.launcher.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ConfigurationFilesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void cfgAndConfigFilesOfEveryFolderCountHiddenOnesOtherFilesAndSubfoldersDoNot() throws Exception {
        Path one = tmp.newFolder("one").toPath();
        Path two = tmp.newFolder("two").toPath();
        Path a = Files.writeString(one.resolve("a.cfg"), "k = v\n");
        Path b = Files.writeString(two.resolve("b-x.config"), "k=\"v\"\n");
        Files.writeString(one.resolve(".a.cfg"), "k = v\n");
        Files.writeString(one.resolve("notes.txt"), "k = v\n");
        Files.writeString(one.resolve("a.cfg~"), "k = v\n");
        Files.createDirectories(one.resolve("sub.cfg"));

        Set<Path> files = ConfigurationFiles.in(one + ", " + two + "," + tmp.getRoot().toPath().resolve("none"), null);

        assertEquals(Set.of(a, b), files);
    }

    @Test
    public void fileInstallsFilterNarrowsTheFilesAndAnInvalidOneIsIgnored() throws Exception {
        Path dir = tmp.newFolder("dir").toPath();
        Path kept = Files.writeString(dir.resolve("io.dynofa.runtime.cfg"), "k = v\n");
        Files.writeString(dir.resolve("other.cfg"), "k = v\n");

        assertEquals(Set.of(kept), ConfigurationFiles.in(dir.toString(), "io\\.dynofa\\..*"));
        assertEquals(2, ConfigurationFiles.in(dir.toString(), "([").size());
    }

    @Test
    public void noFoldersNoFiles() {
        assertEquals(Set.of(), ConfigurationFiles.in(null, null));
        assertEquals(Set.of(), ConfigurationFiles.in(" , ", null));
    }

    @Test
    public void fileInstallsFileNamesAreFileUrisOrPaths() {
        Path file = tmp.getRoot().toPath().resolve("x y.cfg");
        assertEquals(file, ConfigurationAdminFiles.path(file.toUri().toString()));
        assertEquals(file, ConfigurationAdminFiles.path(file.toString()));
        assertEquals(null, ConfigurationAdminFiles.path(42));
        assertEquals(null, ConfigurationAdminFiles.path("file:relative%zz"));
    }
}
