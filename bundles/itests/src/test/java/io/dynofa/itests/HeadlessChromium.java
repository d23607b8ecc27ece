package io.dynofa.itests;

import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium} run headless for a test, driven over the DevTools protocol ({@link DevToolsSession}).
 * It runs as root here, hence {@code --no-sandbox}; its profile is a fresh folder; its DevTools port is a free one
 * it picks itself ({@code --remote-debugging-port=0}) and writes to the profile's {@code DevToolsActivePort}.
 * {@link #close()} ends the browser's whole process tree and removes the profile (its log stays beside it).
 */
final class HeadlessChromium implements AutoCloseable {
    /** The browser's command, looked up on the PATH. */
    static final String COMMAND = "chromium";

    private final Path profile;
    private final Process process;
    private final Path log;
    private DevToolsSession page;

    private HeadlessChromium(Path profile) throws IOException {
        this.profile = profile;
        this.log = profile.resolveSibling(profile.getFileName() + ".log");
        this.process = new ProcessBuilder(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--window-size=1200,800",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Starts the browser with a fresh profile in {@code workDir}; fails clearly when chromium is missing. */
    static HeadlessChromium start(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        return new HeadlessChromium(Files.createTempDirectory(workDir, "chromium-"));
    }

    /** The browser's page, connected once its DevTools endpoint answers. */
    DevToolsSession page() {
        if (page == null) {
            page = DevToolsSession.open(await("chromium's DevTools page target (log " + log + ")")
                .until(this::pageTarget, Optional::isPresent).orElseThrow());
        }
        return page;
    }

    private Optional<URI> pageTarget() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("chromium exited with " + process.exitValue() + ": "
                + Files.readString(log));
        }
        Path portFile = profile.resolve("DevToolsActivePort");
        List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + lines.get(0).trim() + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString());
        for (JsonElement target : JsonParser.parseString(targets.body()).getAsJsonArray()) {
            if ("page".equals(target.getAsJsonObject().get("type").getAsString())) {
                return Optional.of(URI.create(target.getAsJsonObject().get("webSocketDebuggerUrl").getAsString()));
            }
        }
        return Optional.empty();
    }

    private static Path executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, COMMAND))
            .filter(Files::isExecutable).findFirst()
            .orElseThrow(() -> new AssertionError("'" + COMMAND + "' is not installed (not on PATH " + path
                + "): the browser test needs Debian's chromium; ./dynofa test installs it, or run "
                + "apt-get install chromium"));
    }

    /** Ends the browser and every process it started, then removes its profile. */
    @Override
    public void close() {
        if (page != null) {
            page.close();
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        FamilyFolders.delete(profile);
    }
}
