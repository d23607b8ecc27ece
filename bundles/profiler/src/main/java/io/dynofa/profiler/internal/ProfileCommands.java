package io.dynofa.profiler.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.ProfileStore;
import io.dynofa.profile.api.Profiler;
import java.io.IOException;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands {@code dynofa:profile} and {@code dynofa:profiles}: re-profile a running gateway
 * (e.g. after a firmware change); the runtime manager picks the new levels up at once.
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=dynofa",
    "osgi.command.function=profile",
    "osgi.command.function=profiles"})
public final class ProfileCommands {
    private final Profiler profiler;
    private final ProfileStore store;

    @Activate
    public ProfileCommands(@Reference(name = "profiler") Profiler profiler,
                           @Reference(name = "store") ProfileStore store) {
        this.profiler = profiler;
        this.store = store;
    }

    @Descriptor("measure every candidate of a family on the usable backends (or one), store the profile, the plot "
        + "and the report; the runtime manager then serves the new Pareto levels. Other load on the gateway "
        + "(the demo camera, applications) is measured too")
    public String profile(
        @Descriptor("a short smoke measurement instead of one until stable")
        @Parameter(names = {"-q", "--quick"}, presentValue = "true", absentValue = "false") boolean quick,
        @Descriptor("[family [backend]]: default every registered family on every usable backend") String... args) {
        if (args.length > 2) {
            return "usage: dynofa:profile [--quick] [family [backend]]";
        }
        List<String> familyIds = args.length > 0 ? List.of(args[0]) : profiler.families();
        List<String> backendIds = args.length > 1 ? List.of(args[1]) : profiler.usableBackends();
        if (familyIds.isEmpty() || backendIds.isEmpty()) {
            return "error: nothing to profile (families " + profiler.families() + ", usable backends "
                + profiler.usableBackends() + ")";
        }
        try {
            return ProfileRun.run(profiler, store, familyIds, backendIds, quick, System.out).stripTrailing();
        } catch (BackendException | IOException | IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    @Descriptor("show the stored profiles of the registered families on the usable backends")
    public String profiles() {
        StringBuilder out = new StringBuilder();
        for (String family : profiler.families()) {
            for (String backend : profiler.usableBackends()) {
                LatencyProfile p = store.find(family, backend).orElse(null);
                if (p == null) {
                    out.append(family).append(" on ").append(backend).append(": no stored profile\n");
                } else {
                    out.append(ProfileRun.summary(p)).append("\n  measured ").append(p.date()).append('\n');
                    store.locations(family, backend).forEach(l -> out.append("  ").append(l).append('\n'));
                }
            }
        }
        return out.length() == 0 ? "no family or no usable backend" : out.toString().stripTrailing();
    }
}
