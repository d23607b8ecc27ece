package io.dynofa.runnable.it;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The exported gateway jar running in a process of its own ({@code java -jar dynofa.jar}), in a scratch working
 * directory with the shipped runtime-config (the demo camera at a modest frame rate) and the repository's models.
 * With a console, {@link #command} types Gogo commands as a user does.
 */
final class Gateway implements AutoCloseable {
    /** How long anything the tests wait for may take on a busy machine before the test fails. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final Path JAR = Path.of(System.getProperty("dynofa.jar", "../runnable/target/dynofa.jar"));
    private static final Path ROOT = Path.of(System.getProperty("dynofa.root", "../.."));
    private static final Path WORK = Path.of(System.getProperty("dynofa.work", "target/it-work"));

    private final Process process;
    private final OutputLines out;
    private final OutputLines err;
    private final Writer console;
    private int commands;

    private Gateway(Process process, Path dir, boolean withConsole) {
        this.process = process;
        this.out = new OutputLines(process.getInputStream(), dir.resolve("stdout.log"), "gateway-stdout");
        this.err = new OutputLines(process.getErrorStream(), dir.resolve("stderr.log"), "gateway-stderr");
        this.console = withConsole
            ? new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8) : null;
    }

    /** Starts the jar in target/it-work/{@code name} with these JVM options; a Gogo console when asked. */
    static Gateway start(String name, boolean withConsole, String... jvmOptions) throws IOException {
        return start(name, withConsole, Map.of(), jvmOptions);
    }

    /** As {@link #start(String, boolean, String...)}, with {@code configs} (file name → text) added to runtime-config. */
    static Gateway start(String name, boolean withConsole, Map<String, String> configs, String... jvmOptions)
        throws IOException {
        assertTrue("build the runnable first: " + JAR, Files.isRegularFile(JAR));
        Path dir = scratch(name);
        for (Map.Entry<String, String> cfg : configs.entrySet()) {
            Files.writeString(dir.resolve("runtime-config").resolve(cfg.getKey()), cfg.getValue());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        if (!withConsole) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        return new Gateway(builder.start(), dir, withConsole);
    }

    /** A fresh working directory: runtime-config/ copied (demo camera at 50 fps), models/ linked, deploy/. */
    private static Path scratch(String name) throws IOException {
        Path dir = WORK.resolve(name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path config = Files.createDirectories(dir.resolve("runtime-config"));
        Files.createDirectories(dir.resolve("deploy"));
        Files.createSymbolicLink(dir.resolve("models"), ROOT.resolve("models").toAbsolutePath().normalize());
        try (Stream<Path> shipped = Files.list(ROOT.resolve("runtime-config"))) {
            for (Path cfg : shipped.filter(p -> p.toString().endsWith(".cfg")).toList()) {
                String text = Files.readString(cfg);
                if (cfg.getFileName().toString().equals("io.dynofa.demo.cfg")) {
                    text = text.replaceAll("(?m)^fps\\s*=.*$", "fps = 50");
                }
                Files.writeString(config.resolve(cfg.getFileName()), text);
            }
        }
        return dir;
    }

    /** A file of the repository (relative to its root), for tests that start the shipped examples. */
    static Path repositoryFile(String path) {
        return ROOT.resolve(path);
    }

    long pid() {
        return process.pid();
    }

    OutputLines stdout() {
        return out;
    }

    OutputLines stderr() {
        return err;
    }

    /** Types {@code line} into the Gogo console and returns what it printed, without the prompts. */
    List<String> command(String line) throws IOException, InterruptedException {
        String marker = "end-of-command-" + (++commands);
        int from = out.size();
        console.write(line + "\necho " + marker + "\n");
        console.flush();
        int end = out.awaitLine(from, "the answer to '" + line + "'", l -> unprompted(l).equals(marker), PATIENCE);
        List<String> printed = new ArrayList<>();
        for (int i = from; i < end; i++) {
            String text = unprompted(out.get(i));
            if (!text.isEmpty()) {
                printed.add(text);
            }
        }
        return printed;
    }

    private static String unprompted(String line) {
        String text = line;
        while (text.startsWith("g! ")) {
            text = text.substring(3);
        }
        return text.equals("g!") ? "" : text.strip();
    }

    /** Sends {@code signal} (TERM, INT, ...) to the process. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertTrue("kill -" + signal + " failed", kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0);
    }

    /** The exit status, once the process has ended within {@code limit}; empty while it still runs. */
    Optional<Integer> awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)
            ? Optional.of(process.exitValue()) : Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
