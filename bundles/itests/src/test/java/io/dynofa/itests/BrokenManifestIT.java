package io.dynofa.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.dynofa.runtime.api.Problem;
import io.dynofa.runtime.api.RuntimeControl;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import org.junit.Test;

/**
 * The manifest of the family being served is broken, then replaced by a 50 MB file, then restored, all under
 * traffic (finding 5): the last good family keeps serving throughout, each problem is named in status, and it
 * goes away once a good manifest is back.
 */
public class BrokenManifestIT extends GatewayIT {
    private static final long FIFTY_MB = 50L << 20;
    /** The family provider's bound on a manifest's size, bytes. */
    private static final String MANIFEST_LIMIT = Long.toString(1L << 20);

    @Override
    protected List<String> modules() {
        return gatewayWithout("demo");
    }

    private static void replace(Path manifest, byte[] content) throws Exception {
        Path next = manifest.resolveSibling("manifest.json.next");
        Files.write(next, content);
        Files.move(next, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The family provider refusing the served family's folder for its manifest. */
    private static final Predicate<Problem> MANIFEST = p -> p.source() != null
        && p.source().startsWith("io.dynofa.family.provider") && Problem.FAMILY_REFUSED.equals(p.code())
        && FAMILY.equals(p.subject()) && p.text().contains("manifest.json");

    private static void awaitNamed(RuntimeControl control, String what, Predicate<Problem> problem) {
        await(what + " named").untilAsserted(() -> assertTrue("problems " + control.status().problemDetails(),
            control.status().problemDetails().stream().anyMatch(problem)));
    }

    @Test
    public void aBrokenOrHugeManifestOfTheServedFamilyKeepsTheLastGoodOneServing() throws Exception {
        ready();
        RuntimeControl control = control();
        Path manifest = modelsDir().resolve(FAMILY).resolve("manifest.json");
        byte[] good = Files.readAllBytes(manifest);
        List<String> levelsBefore = control.levels().stream().map(l -> l.id()).toList();
        try (TrafficClient client = new TrafficClient(this::inference);
             ReadyWatch watch = new ReadyWatch(control)) {
            client.awaitServed(100);

            replace(manifest, "{\"schemaVersion\": 1, \"family\": ".getBytes(StandardCharsets.UTF_8));
            awaitNamed(control, "the broken manifest", MANIFEST.and(p -> !p.text().contains(MANIFEST_LIMIT)));
            client.awaitServed(200);

            Path huge = manifest.resolveSibling("manifest.json.next");
            try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
                file.setLength(FIFTY_MB);
            }
            Files.move(huge, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            awaitNamed(control, "the 50 MB manifest, with the limit,",
                MANIFEST.and(p -> p.text().contains(MANIFEST_LIMIT)));
            client.awaitServed(200);

            replace(manifest, good);
            await("no manifest problem once it is good again").untilAsserted(() -> assertFalse("problems "
                + control.status().problemDetails(), control.status().problemDetails().stream().anyMatch(MANIFEST)));
            client.awaitServed(200);

            System.out.printf("BrokenManifestIT: %d served, %d failed, %d statuses read%n", client.served(),
                client.failures().size(), watch.looks());
            assertEquals(List.of(), client.failures());
            watch.assertAlwaysReady();
        }
        assertEquals(FAMILY, control.status().familyId());
        assertEquals(levelsBefore, control.levels().stream().map(l -> l.id()).toList());
        List<Problem> problems = control.status().problemDetails();
        assertTrue(problems.toString(), problems.stream().noneMatch(p -> List.of(Problem.LEVEL_REFUSED,
            Problem.FAMILY_REFUSED, Problem.FAMILY_UNKNOWN, Problem.FAMILY_FALLBACK, Problem.FAMILY_DEPARTED)
            .contains(p.code())));
    }
}
