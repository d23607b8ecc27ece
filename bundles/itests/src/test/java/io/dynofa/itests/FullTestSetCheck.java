package io.dynofa.itests;

import static org.junit.Assert.assertEquals;

import io.dynofa.family.api.LevelSpec;
import java.nio.file.Path;
import java.util.List;
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
 * Every shipped level reproduces its manifest top-1 on the full 10,000-image Fashion-MNIST test set
 * from Debian's dataset-fashion-mnist. Not part of the default suite (named neither *IT nor Test*: it needs the Debian package and
 * a minute): run it with {@code ./dynofa check-models}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FullTestSetCheck {
    private static final Path DEBIAN_DATASET = Path.of("/usr/share/datasets/fashion-mnist");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return ItSupport.options(getClass(), "api", "onnxruntime", "backend-cpu", "family-provider");
    }

    @Test
    public void everyLevelMatchesItsTestSetAccuracy() throws Exception {
        List<String> mismatches = ShippedFamilyIT.check(context, DEBIAN_DATASET, 10_000, LevelSpec::top1, 2);
        assertEquals("levels whose 10k test-set accuracy differs from the manifest", List.of(), mismatches);
    }
}
