package io.dynofa.config.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.Test;
import org.osgi.util.converter.Converters;

public class ConfigReaderTest {
    private final ConfigReader<SampleConfig> reader = ConfigReader.of(SampleConfig.class, "dynofa.policy");

    @Test
    public void noPropertiesMeanTheDefaults() {
        ConfigRead<SampleConfig> read = reader.read(Map.of(), null);
        assertEquals(List.of(), read.problems());
        SampleConfig c = read.config();
        assertEquals("cpu", c.dynofa_backend_id());
        assertEquals(1, c.threads());
        assertEquals(2000, c.intervalMs());
        assertEquals(0.1, c.share(), 0);
        assertTrue(c.arena());
        assertEquals(SampleConfig.Mode.FAST, c.mode());
        assertArrayEquals(new int[] {1, 2}, c.sizes());
        assertEquals(SampleConfig.class, c.annotationType());
    }

    @Test
    public void propertyNamesFollowTheDeclarativeServicesRules() {
        SampleConfig c = clean(Map.of("dynofa.backend.id", "gpu", "my_key", "y", "a-b", "z", "cost$", "9",
            "skip", "s"));
        assertEquals("gpu", c.dynofa_backend_id());
        assertEquals("y", c.my__key());
        assertEquals("z", c.a$_$b());
        assertEquals("9", c.cost$$());
        assertEquals("s", c.ski$p());
    }

    @Test
    public void textsFromACfgFileAreConvertedToEachType() {
        SampleConfig c = clean(Map.of("threads", " 4 ", "intervalMs", "250", "share", "0.5", "arena", "FALSE",
            "mode", "SLOW", "sizes", "3", "pinned", ""));
        assertEquals(4, c.threads());
        assertEquals(250, c.intervalMs());
        assertEquals(0.5, c.share(), 0);
        assertFalse(c.arena());
        assertEquals(SampleConfig.Mode.SLOW, c.mode());
        assertArrayEquals(new int[] {3}, c.sizes());
        assertEquals("", c.pinned());
    }

    @Test
    public void typedValuesAreConvertedWhenTheyFit() {
        SampleConfig c = clean(Map.of("threads", 5L, "intervalMs", 300, "share", 1, "anyInt", 2.0, "arena", false,
            "sizes", List.of("4", 5), "dir", 12));
        assertEquals(5, c.threads());
        assertEquals(300, c.intervalMs());
        assertEquals(1.0, c.share(), 0);
        assertEquals(2, c.anyInt());
        assertFalse(c.arena());
        assertArrayEquals(new int[] {4, 5}, c.sizes());
        assertEquals("12", c.dir());
    }

    @Test
    public void aValueThatCannotBeConvertedKeepsTheValueInForceAndSaysWhy() {
        SampleConfig inForce = inForce(Map.of("threads", "4", "intervalMs", "500", "share", "0.2", "arena", "false",
            "mode", "SLOW"));
        Map<String, Object> bad = new HashMap<>();
        bad.put("threads", "abc");
        bad.put("intervalMs", "");
        bad.put("share", "NaN");
        bad.put("arena", "yes");
        bad.put("mode", "TURBO");
        bad.put("anyInt", 2.5);
        ConfigRead<SampleConfig> read = reader.read(bad, inForce);
        assertEquals(List.of(
            "anyInt '2.5' rejected (not a whole number); keeping 7",
            "arena 'yes' rejected (not true or false); keeping false",
            "intervalMs '' rejected (empty; a whole number is needed); keeping 500",
            "mode 'TURBO' rejected (not one of FAST, SLOW); keeping SLOW",
            "share 'NaN' rejected (not a finite number); keeping 0.2",
            "threads 'abc' rejected (not a whole number); keeping 4"), read.problems());
        assertKeeps(inForce, read.config());
    }

    @Test
    public void onFirstActivationARejectedValueKeepsTheDefault() {
        ConfigRead<SampleConfig> read = reader.read(Map.of("intervalMs", "abc"), null);
        assertEquals(List.of("intervalMs 'abc' rejected (not a whole number); keeping 2000"), read.problems());
        assertEquals(2000, read.config().intervalMs());
    }

    @Test
    public void valuesOutsideTheirRangeAreRejected() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("intervalMs", "9223372036854775807");
        bad.put("threads", "-1");
        bad.put("share", "0");
        bad.put("anyInt", "3000000000");
        bad.put("sizes", List.of("1", "99999999999999999999"));
        bad.put("dynofa.backend.id", List.of("a", "b"));
        assertEquals(List.of(
            "anyInt '3000000000' rejected (must be from -2147483648 to 2147483647); keeping 7",
            "dynofa.backend.id '[a, b]' rejected (2 values where one is expected); keeping 'cpu'",
            "intervalMs '9223372036854775807' rejected (must be from 1 to 3600000); keeping 2000",
            "share '0' rejected (must be above 0, at most 1); keeping 0.1",
            "sizes '[1, 99999999999999999999]' rejected (too large); keeping [1, 2]",
            "threads '-1' rejected (must be from 0 to 64); keeping 1"), reader.read(bad, null).problems());
        assertEquals(List.of("share '1.5' rejected (must be above 0, at most 1); keeping 0.1"),
            reader.read(Map.of("share", 1.5), null).problems());
        assertEquals(List.of("fraction '1' rejected (must be at least 0, below 1); keeping 0.5"),
            reader.read(Map.of("fraction", "1"), null).problems());
        assertEquals(List.of(), reader.read(Map.of("share", "1", "threads", "64", "intervalMs", "3600000"), null)
            .problems());
    }

    @Test
    public void aPathMustBeOneThePlatformCanForm() {
        assertEquals(List.of("dir ' ' rejected (must not be blank); keeping 'models'"),
            reader.read(Map.of("dir", " "), null).problems());
        String problem = reader.read(Map.of("dir", "a\0b"), null).problems().get(0);
        assertTrue(problem, problem.startsWith("dir 'a?b' rejected (not a file path: "));
    }

    @Test
    public void unknownKeysAreNamedAndTheFrameworkAndDocumentedOnesAreNot() {
        Map<String, Object> properties = Map.of("service.pid", "p", "component.name", "n", "component.id", 3L,
            "felix.fileinstall.filename", "file:/x.cfg", "osgi.ds.satisfying.condition.target", "(a=b)",
            "dynofa.policy", "step", "thread", "2");
        ConfigRead<SampleConfig> read = reader.read(properties, null);
        assertEquals(1, read.problems().size());
        String problem = read.problems().get(0);
        assertTrue(problem, problem.startsWith("unknown key 'thread' ignored: the configuration looks damaged"));
        assertTrue(problem, problem.contains("known keys: a-b, anyInt, arena, cost$,"));
    }

    @Test
    public void aCleanConfigurationWithoutAKeyMeansItsDefault() {
        SampleConfig inForce = inForce(Map.of("threads", "4", "intervalMs", "500"));
        SampleConfig c = reader.read(Map.of("threads", "8", "service.pid", "p"), inForce).config();
        assertEquals(8, c.threads());
        assertEquals(2000, c.intervalMs());
    }

    @Test
    public void aDamagedConfigurationKeepsTheValuesInForceOfTheKeysItLacks() {
        SampleConfig inForce = inForce(Map.of("threads", "4", "intervalMs", "500", "mode", "SLOW"));
        SampleConfig c = reader.read(Map.of("threads", "8", "\u0001x#garbage", "?"), inForce).config();
        assertEquals(8, c.threads());
        assertEquals(500, c.intervalMs());
        assertEquals(SampleConfig.Mode.SLOW, c.mode());
    }

    @Test
    public void aFileOfRandomBytesChangesNothingAndIsNamedBriefly() throws IOException {
        SampleConfig inForce = inForce(Map.of("threads", "4", "intervalMs", "500", "share", "0.3", "dir", "there"));
        byte[] bytes = new byte[4096];
        new Random(12).nextBytes(bytes);
        Properties garbage = new Properties();
        garbage.load(new ByteArrayInputStream(bytes));
        Map<String, Object> properties = new HashMap<>();
        garbage.forEach((k, v) -> properties.put((String) k, v));
        assertTrue("random bytes give several keys: " + properties.size(), properties.size() > 5);
        ConfigRead<SampleConfig> read = reader.read(properties, inForce);
        assertKeeps(inForce, read.config());
        assertEquals(read.problems().toString(), 1, read.problems().size());
        String problem = read.problems().get(0);
        assertTrue(problem, problem.matches("unknown keys '[^\\p{Cntrl}]*' and \\d+ more ignored: .*"));
        assertTrue(problem, problem.length() < 800);
    }

    @Test
    public void shownValuesArePrintableAndShort() {
        String problem = reader.read(Map.of("threads", "\u0007" + "9".repeat(100)), null).problems().get(0);
        assertTrue(problem, problem.startsWith("threads '?" + "9".repeat(59) + "...' rejected (not a whole number)"));
    }

    @Test
    public void aTextLongerThanTheLimitIsRejected() {
        String problem = reader.read(Map.of("pinned", "p".repeat(Attribute.MAX_TEXT + 1)), null).problems().get(0);
        assertTrue(problem, problem.endsWith("rejected (longer than 4096 characters); keeping ''"));
    }

    @Test
    public void theInstanceBehavesAsAnAnnotation() {
        SampleConfig a = clean(Map.of("sizes", List.of("1", "2")));
        SampleConfig b = reader.defaults();
        SampleConfig real = Annotated.class.getAnnotation(SampleConfig.class);
        assertEquals(a, b);
        assertEquals(b, real);
        assertEquals(real.hashCode(), b.hashCode());
        assertNotEquals(b, clean(Map.of("threads", "2")));
        assertTrue(b.toString(), b.toString().contains("threads=1"));
        b.sizes()[0] = 42;
        assertEquals(1, b.sizes()[0]);
    }

    @Test
    public void theReadOfAConfigurationsPropertiesIsThatConfiguration() {
        SampleConfig c = clean(Map.of("threads", "3", "mode", "SLOW", "sizes", List.of(7, 8), "dir", "here"));
        assertEquals(c, clean(reader.properties(c)));
    }

    @Test(expected = IllegalArgumentException.class)
    public void anAttributeTypeItCannotFillIsRefusedAtOnce() {
        ConfigReader.of(Unsupported.class);
    }

    @SampleConfig
    private static final class Annotated {
    }

    @interface Unsupported {
        Class<?> type() default Object.class;
    }

    /** Fails unless {@code read} has every value of {@code inForce} (an annotation's equals compares values). */
    private static void assertKeeps(SampleConfig inForce, SampleConfig read) {
        assertTrue(read + " keeps the values in force", read.equals(inForce));
    }

    /** A configuration in force, made from {@code properties} by the OSGi Converter (not by the reader). */
    private static SampleConfig inForce(Map<String, ?> properties) {
        return Converters.standardConverter().convert(properties).to(SampleConfig.class);
    }

    private SampleConfig clean(Map<String, ?> properties) {
        ConfigRead<SampleConfig> read = reader.read(properties, null);
        assertEquals(List.of(), read.problems());
        return read.config();
    }
}
