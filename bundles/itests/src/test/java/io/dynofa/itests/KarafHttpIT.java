package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.inference.api.InferenceService;
import io.dynofa.inference.api.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.ExamFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.container.internal.KarafTestContainerFactory;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The HTTP bundle on Apache Karaf 4.4 and its HTTP service, Pax Web 8 (javax servlets on Jetty 9), instead of the
 * runnable's Felix HTTP Jetty 12: Karaf's own distribution (resolved by Maven), run in a JVM of its own by Pax Exam's
 * Karaf container with the features {@code scr} and {@code http-whiteboard}; the gateway's bundles are dropped into
 * the folder Karaf's deployer watches, its configurations are {@code etc/*.cfg} files. Everything is asserted over
 * HTTP: health, model metadata, a v2 infer, the sample image classified, a PATCH reaching ConfigAdmin and saved to
 * its etc file (Karaf's own FileInstall write-back is turned off, as the runnable's is). Felix Health
 * Checks are left out (its JSON servlet is Jakarta-only): readiness is the deployment's state. A failure carries
 * the bundles not active and the tail of Karaf's log ({@link KarafLog}); the unpacked Karaf of the last run stays
 * in {@code target/itest-work/karaf/}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@ExamFactory(KarafTestContainerFactory.class)
public class KarafHttpIT {
    /** The gateway's bundles on Karaf: one backend, one policy, the two monitors the policy reads, the endpoints. */
    private static final List<String> MODULES = List.of("api", "onnxruntime", "backend-cpu", "family-provider",
        "monitor-latency", "monitor-cpu", "policy-dynofa-step", "manager", "http");
    /** Boot features: Karaf's core, its deployer (the folder of our bundles), DS and Pax Web's whiteboard. */
    private static final String FEATURES_BOOT = "framework, system, feature, config, bundle, service, log, deployer,"
        + " scr, http-whiteboard";
    private static final String PORT = "dynofa.karaf.http.port";
    private static final String MODELS = "dynofa.karaf.models";
    private static final String DEPLOYMENT = "/dynofa/v1/deployments/default";

    static {
        // inside Karaf, where GatewayIT (and its defaults) is not loaded
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }

    @Rule
    public final KarafLog karafLog = new KarafLog();

    @Inject
    protected BundleContext context;

    @Configuration
    public Option[] configuration() {
        Path work = GatewayIT.workDir().resolve("karaf");
        Path models = work.resolve("models");
        Path deploy = work.resolve("deploy");
        Path unpacked = work.resolve("runtime");
        Stream.of(models, deploy, unpacked).forEach(FamilyFolders::delete);
        FamilyFolders.copy(GatewayIT.repoModels().resolve(GatewayIT.SAMPLE), models.resolve(GatewayIT.SAMPLE));
        FamilyFolders.copy(GatewayIT.repoModels().resolve(GatewayIT.FAMILY), models.resolve(GatewayIT.FAMILY));
        copyBundles(deploy);
        int port = HttpCalls.freePort();
        List<Option> options = new ArrayList<>(List.of(
            karafDistributionConfiguration()
                .frameworkUrl(maven("org.apache.karaf", "apache-karaf").type("tar.gz").versionAsInProject())
                .name("Apache Karaf").unpackDirectory(unpacked.toFile()).useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", FEATURES_BOOT),
            editConfigurationFilePut("etc/org.apache.felix.fileinstall-deploy.cfg", "felix.fileinstall.dir",
                deploy.toString()),
            // Karaf's FileInstall rewrites every etc file it reads in place; once it emptied the deploy folder's
            // file at start, so no bundle of ours was installed: the http bundle saves a PATCH itself instead
            editConfigurationFilePut("etc/config.properties", "felix.fileinstall.enableConfigSave", "false"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(port)),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses",
                "127.0.0.1"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "javax.servlet.context.tempdir",
                "${karaf.data}/pax-web/tmp"),
            editConfigurationFilePut("etc/io.dynofa.family.provider.cfg", "modelsDir", models.toString()),
            editConfigurationFilePut("etc/io.dynofa.family.provider.cfg", "scanIntervalMs", "200"),
            editConfigurationFilePut("etc/io.dynofa.runtime.cfg", "decisionIntervalMs", "50"),
            editConfigurationFilePut("etc/io.dynofa.runtime.cfg", "warmupRuns", "10"),
            editConfigurationFilePut("etc/io.dynofa.runtime.cfg", "profileRuns", "20"),
            editConfigurationFilePut("etc/io.dynofa.runtime.cfg", "profileWaitMs", "0"),
            systemProperty(PORT).value(String.valueOf(port)),
            systemProperty(MODELS).value(models.toString()),
            // the test's own helpers, installed with Pax Exam's bundles; gson is the gateway's too
            mavenBundle("com.google.code.gson", "gson").versionAsInProject(),
            mavenBundle("org.hamcrest", "hamcrest").versionAsInProject(),
            mavenBundle("org.awaitility", "awaitility").versionAsInProject()));
        options.addAll(offlineMaven(work));
        return options.toArray(Option[]::new);
    }

    /**
     * Karaf resolves its features without the network and without Maven's local repository: from its system folder
     * and {@code dynofa.karaf.repository}, where Maven put the bundles of the features it boots and the test's helper
     * bundles. A bundle missing there fails the boot at once, on every machine, instead of a download that hangs.
     */
    private static List<Option> offlineMaven(Path work) {
        String cfg = "etc/org.ops4j.pax.url.mvn.cfg";
        String repository = Path.of(System.getProperty("dynofa.karaf.repository")).toUri().toString();
        Path emptyLocal = work.resolve("m2");
        FamilyFolders.delete(emptyLocal);
        return List.of(
            editConfigurationFilePut(cfg, "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut(cfg, "org.ops4j.pax.url.mvn.defaultRepositories",
                "${karaf.home.uri}system@id=system.repository@snapshots, " + repository + "@id=dynofa.karaf"),
            editConfigurationFilePut(cfg, "org.ops4j.pax.url.mvn.localRepository", emptyLocal.toString()));
    }

    /** The reactor's jars of {@link #MODULES}, copied into the folder Karaf's deployer watches. */
    private static void copyBundles(Path deploy) {
        try {
            Files.createDirectories(deploy);
            for (String module : MODULES) {
                Path jar = GatewayIT.reactorJar(module);
                Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill Karaf's deploy folder " + deploy, e);
        }
    }

    @Test
    public void servesLiveThenReadyOnPaxWeb() {
        HttpCalls http = ready();
        assertTrue("Pax Web serves", Stream.of(context.getBundles()).anyMatch(b ->
            "org.ops4j.pax.web.pax-web-runtime".equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE));
        assertTrue("no Felix HTTP", Stream.of(context.getBundles()).noneMatch(b ->
            String.valueOf(b.getSymbolicName()).startsWith("org.apache.felix.http")));
        HttpCalls.Reply live = http.get("/v2/health/live");
        assertEquals(live.toString(), 200, live.status());
        assertTrue(live.object().get("live").getAsBoolean());
        HttpCalls.Reply readyReply = http.get("/v2/health/ready");
        assertTrue(readyReply.object().get("ready").getAsBoolean());
        JsonObject check = readyReply.object().getAsJsonArray("checks").get(0).getAsJsonObject();
        assertEquals("deployment default", check.get("name").getAsString());
        assertEquals("READY", check.get("status").getAsString());
        assertEquals(404, http.get("/v2/health/nothing").status());
    }

    @Test
    public void modelMetadataAndAV2InferFollowTheProtocol() {
        HttpCalls http = ready();
        JsonObject meta = http.get("/v2/models/default").object();
        assertEquals("default", meta.get("name").getAsString());
        assertEquals(service(ModelFamily.class).version(), meta.getAsJsonArray("versions").get(0).getAsString());
        JsonObject input = meta.getAsJsonArray("inputs").get(0).getAsJsonObject();
        assertEquals("input", input.get("name").getAsString());
        assertEquals("FP32", input.get("datatype").getAsString());
        assertEquals("[-1,1,28,28]", input.get("shape").toString());
        Tensor tensor = sample().tensor(0, service(InferenceService.class).inputSpec().orElseThrow());
        HttpCalls.Reply inferred = http.json("POST", "/v2/models/default/infer", SampleImages.v2Request(tensor));
        assertEquals(inferred.toString(), 200, inferred.status());
        JsonObject logits = inferred.object().getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("logits", logits.get("name").getAsString());
        assertEquals("[1,10]", logits.get("shape").toString());
        assertEquals(10, logits.getAsJsonArray("data").size());
    }

    @Test
    public void theShippedSampleIsClassifiedAsItsLabelOnTheMostAccurateLevel() {
        HttpCalls http = ready();
        JsonArray levels = http.get(DEPLOYMENT).object().getAsJsonArray("levels");
        String top = levels.get(levels.size() - 1).getAsJsonObject().get("id").getAsString();
        HttpCalls.Reply pinned = http.json("PATCH", DEPLOYMENT, "{\"pinnedLevel\": \"" + top + "\"}");
        assertEquals(pinned.toString(), 200, pinned.status());
        try {
            await("level " + top + " serving").until(() -> top.equals(http.get(DEPLOYMENT).object().get("level")
                .getAsString()));
            SampleImages sample = sample();
            HttpCalls.Reply classified = http.send("POST", DEPLOYMENT + "/classify", "image/png", sample.png(0));
            assertEquals(classified.toString(), 200, classified.status());
            JsonObject answer = classified.object();
            List<String> labels = service(ModelFamily.class).labels();
            assertEquals("image 0's label", labels.get(sample.label(0)), answer.get("label").getAsString());
            assertEquals(top, answer.get("level").getAsString());
            Tensor tensor = sample.tensor(0, service(InferenceService.class).inputSpec().orElseThrow());
            JsonObject logits = http.json("POST", "/v2/models/default/infer", SampleImages.v2Request(tensor)).object()
                .getAsJsonArray("outputs").get(0).getAsJsonObject();
            assertEquals("the same class through /v2 infer", answer.get("class").getAsInt(),
                SampleImages.argMax(logits.getAsJsonArray("data")));
        } finally {
            http.json("PATCH", DEPLOYMENT, "{\"pinnedLevel\": \"\"}");
        }
    }

    @Test
    public void aPatchReachesConfigAdminAndKarafsEtcFile() throws IOException {
        HttpCalls http = ready();
        HttpCalls.Reply patched = http.json("PATCH", DEPLOYMENT, "{\"targetLatencyMs\": 7.25}");
        assertEquals(patched.toString(), 200, patched.status());
        assertTrue(patched.toString(), patched.object().get("applied").getAsBoolean());
        assertEquals(7.25, http.get(DEPLOYMENT).object().get("targetMs").getAsDouble(), 0);
        Dictionary<String, Object> stored = service(ConfigurationAdmin.class)
            .getConfiguration("io.dynofa.runtime", "?").getProperties();
        assertNotNull("io.dynofa.runtime in ConfigAdmin", stored);
        assertEquals(7.25, Double.parseDouble(String.valueOf(stored.get("targetLatencyMs"))), 0);
        assertEquals("the etc file's keys kept", "50", String.valueOf(stored.get("decisionIntervalMs")));
        Path etc = Path.of(System.getProperty("karaf.etc"), "io.dynofa.runtime.cfg");
        String saved = Files.readString(etc, StandardCharsets.ISO_8859_1);
        assertTrue("the change saved to " + etc + ": " + saved, saved.contains("targetLatencyMs = 7.25"));
        assertTrue("the file's keys kept: " + saved, saved.contains("decisionIntervalMs=50"));
    }

    /** The HTTP endpoints once the default deployment is ready: {@code GET /v2/health/ready} answers 200. */
    private static HttpCalls ready() {
        HttpCalls http = HttpCalls.onPort(Integer.getInteger(PORT));
        await("GET /v2/health/ready 200").until(() -> http.get("/v2/health/ready").status() == 200);
        return http;
    }

    private static SampleImages sample() {
        return SampleImages.read(Path.of(System.getProperty(MODELS)).resolve(GatewayIT.SAMPLE), 1);
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> ref = await("service " + type.getSimpleName())
            .until(() -> context.getServiceReference(type), r -> r != null);
        return context.getService(ref);
    }
}
