package io.dynofa.http.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.apache.felix.utils.properties.TypedProperties;

/**
 * Writes a change made through the control API back to the FileInstall file its configuration came from, so that
 * it survives a restart. The file is read and written as FileInstall reads it (felix utils' {@code TypedProperties},
 * ISO-8859-1, no substitution: comments, order and {@code ${...}} references are kept), written whole to a
 * temporary file beside the file's folder and moved over the file atomically, so FileInstall's scanner, another
 * reader or a crash never sees it half written.
 *
 * <p>Used only when FileInstall's own write-back is off ({@value #FILEINSTALL_SAVE}{@code =false}, as the runnable
 * ships): that one truncates the file in place and writes back every configuration it reads, so an operator's edit
 * caught half written is saved with its missing keys removed, and a process stopped mid-write leaves the file empty.
 */
final class ConfigFileWriteBack {
    static final String FILEINSTALL_SAVE = "felix.fileinstall.enableConfigSave";
    static final String FILENAME = "felix.fileinstall.filename";

    private ConfigFileWriteBack() {
    }

    /** Whether the control API writes changes to the files itself: FileInstall was told not to. */
    static boolean needed(String fileInstallSaveProperty) {
        return fileInstallSaveProperty != null && fileInstallSaveProperty.trim().equalsIgnoreCase("false");
    }

    /** The file FileInstall names in a configuration's {@value #FILENAME} property, null when it names none. */
    static Path fileOf(Object fileName) {
        if (fileName == null || fileName.toString().isBlank()) {
            return null;
        }
        String name = fileName.toString();
        try {
            return name.startsWith("file:") ? Path.of(URI.create(name)) : Path.of(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Puts {@code changes} into {@code file} (its other lines kept; values written as text, as an operator writes a
     * {@code .cfg}, which the runtime's typed configuration reads) and replaces it atomically.
     *
     * @throws IOException when the file cannot be read or the new one cannot be written or moved into place
     */
    static void write(Path file, Map<String, Object> changes) throws IOException {
        TypedProperties properties = new TypedProperties(false);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        changes.forEach((key, value) -> properties.put(key, String.valueOf(value)));
        Path folder = file.toAbsolutePath().getParent();
        Path scratch = Files.createTempFile(scratchFolder(folder), "." + file.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(scratch, StandardCharsets.ISO_8859_1)) {
                properties.save(out);
            }
            try {
                Files.move(scratch, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /** The watched folder's parent (FileInstall would take a file in the folder for an artifact), else the folder. */
    private static Path scratchFolder(Path folder) {
        Path parent = folder.getParent();
        return parent != null && Files.isWritable(parent) ? parent : folder;
    }
}
