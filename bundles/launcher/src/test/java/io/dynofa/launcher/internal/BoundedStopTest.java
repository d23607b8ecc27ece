package io.dynofa.launcher.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;

public class BoundedStopTest {
    private final Fakes fakes = new Fakes();
    private final List<Integer> exits = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final System.Logger log = new System.Logger() {
        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }
    };

    private BoundedStop watch(Termination signal) {
        BoundedStop watch = new BoundedStop(fakes.framework(), signal, Duration.ofSeconds(10), exits::add, log);
        watch.listenTo(fakes.context());
        return watch;
    }

    private void stopped(Bundle bundle) {
        fakes.listeners.forEach(l -> l.bundleChanged(new BundleEvent(BundleEvent.STOPPING, bundle)));
        fakes.listeners.forEach(l -> l.bundleChanged(new BundleEvent(BundleEvent.STOPPED, bundle)));
    }

    @Test
    public void logsOnTheStoppingThreadOnceEveryBundleLiveAtTheSignalHasStopped() {
        Bundle a = Fakes.bundle(3, "a", Bundle.ACTIVE);
        Bundle b = Fakes.bundle(4, "b", Bundle.STARTING);
        fakes.bundles = new Bundle[] {Fakes.bundle(0, "system", Bundle.ACTIVE), a, b,
            Fakes.bundle(5, "resolved", Bundle.RESOLVED)};
        watch(new Termination("TERM", 15));

        stopped(a);
        stopped(a);
        assertEquals(List.of(), lines);
        stopped(b);

        assertEquals(1, lines.size());
        assertTrue(lines.get(0), lines.get(0).startsWith("INFO SIGTERM: all 2 bundles stopped in "));
        assertTrue(lines.get(0), lines.get(0).endsWith(" ms; exiting with status 143"));
        watch(new Termination("TERM", 15)).await();
        assertEquals(List.of(), exits);
    }

    @Test
    public void exitsWithTheStatusAndNamesTheBundlesStillLiveWhenTheStopTakesTooLong() {
        fakes.stopEvent = FrameworkEvent.WAIT_TIMEDOUT;
        Bundle done = Fakes.bundle(5, "done", Bundle.ACTIVE);
        fakes.bundles = new Bundle[] {Fakes.bundle(0, "system", Bundle.STOPPING),
            Fakes.bundle(4, "stuck", Bundle.STOPPING), done, Fakes.bundle(6, "late", Bundle.ACTIVE)};
        BoundedStop watch = watch(new Termination("INT", 2));
        stopped(done);

        watch.await();

        assertEquals(List.of(130), exits);
        assertEquals(List.of("WARNING SIGINT: the framework did not stop within 10000 ms (1 of 3 bundles stopped, "
            + "still live: stuck, late); exiting with status 130 anyway"), lines);
    }
}
