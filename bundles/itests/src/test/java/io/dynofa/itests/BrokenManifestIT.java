package io.dynofa.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.RuntimeControl;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The manifest of the family being served is broken, then replaced by a 50 MB file, then restored, all under
 * traffic (finding 5): the last good family keeps serving throughout, each problem is named in status, and it
 * goes away once a good manifest is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrokenManifestIT {
    private static final long FIFTY_MB = 50L << 20;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.gateway(getClass(), Map.of(), "demo");
    }

    private static void replace(Path manifest, byte[] content) throws Exception {
        Path next = manifest.resolveSibling("manifest.json.next");
        Files.write(next, content);
        Files.move(next, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean named(RuntimeControl control, String text) {
        return control.status().problems().stream().anyMatch(p -> p.contains("manifest.json") && p.contains(text));
    }

    @Test
    public void aBrokenOrHugeManifestOfTheServedFamilyKeepsTheLastGoodOneServing() throws Exception {
        Gateway gateway = new Gateway(context);
        gateway.ready();
        RuntimeControl control = gateway.control();
        Path manifest = ItSupport.modelsDir(getClass()).resolve(ItSupport.FAMILY).resolve("manifest.json");
        byte[] good = Files.readAllBytes(manifest);
        List<String> levelsBefore = control.levels().stream().map(l -> l.id()).toList();
        try (TrafficClient client = new TrafficClient(gateway::inference);
             ReadyWatch watch = new ReadyWatch(control)) {
            client.awaitServed(100);

            replace(manifest, "{\"schemaVersion\": 1, \"family\": ".getBytes(StandardCharsets.UTF_8));
            Gateway.await("the broken manifest named", () -> named(control, "keeping the last good version"));
            client.awaitServed(200);

            Path huge = manifest.resolveSibling("manifest.json.next");
            try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
                file.setLength(FIFTY_MB);
            }
            Files.move(huge, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Gateway.await("the 50 MB manifest named", () -> named(control, "above the limit of 1048576 bytes"));
            client.awaitServed(200);

            replace(manifest, good);
            Gateway.await("no manifest problem once it is good again",
                () -> control.status().problems().stream().noneMatch(p -> p.contains("manifest.json")));
            client.awaitServed(200);

            System.out.printf("BrokenManifestIT: %d served, %d failed, %d statuses read%n", client.served(),
                client.failures().size(), watch.looks());
            assertEquals(List.of(), client.failures());
            watch.assertAlwaysReady();
        }
        assertEquals(ItSupport.FAMILY, control.status().familyId());
        assertEquals(levelsBefore, control.levels().stream().map(l -> l.id()).toList());
        assertTrue(control.status().problems().toString(), control.status().problems().stream()
            .noneMatch(p -> p.contains("refused") || p.contains("not registered")));
    }
}
