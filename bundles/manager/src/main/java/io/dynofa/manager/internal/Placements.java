package io.dynofa.manager.internal;

import io.dynofa.arbiter.api.Placement;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.monitor.api.Metrics;
import io.dynofa.monitor.api.Signals;
import io.dynofa.policy.api.BackendLevels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a deployment's family is resident, as the arbitration may place it: each backend's levels, the device and
 * threads its service properties name ({@link DeviceBackend#DEVICE}, {@link DeviceBackend#THREADS}) and the
 * slowdown the monitors observed there ({@link Metrics#SLOWDOWN_OF_BACKEND}; NaN when none did).
 */
final class Placements {

    private Placements() {
    }

    static List<Placement> of(List<BackendLevels> resident, ServiceRegistry<DeviceBackend> backends,
                              Signals signals) {
        List<Placement> placements = new ArrayList<>();
        for (BackendLevels b : resident) {
            Map<String, Object> properties = backends.properties(b.backendId());
            placements.add(new Placement(b.backendId(), device(properties.get(DeviceBackend.DEVICE)),
                threads(properties.get(DeviceBackend.THREADS)), b.levels(),
                signals.get(Metrics.SLOWDOWN_OF_BACKEND + b.backendId(), Double.NaN)));
        }
        return placements;
    }

    private static String device(Object property) {
        return property instanceof String text && !text.isBlank() ? text.trim() : Placement.CPU;
    }

    private static double threads(Object property) {
        if (property instanceof Number n) {
            return n.doubleValue();
        }
        if (property instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }
}
