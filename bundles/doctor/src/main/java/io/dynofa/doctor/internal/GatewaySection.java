package io.dynofa.doctor.internal;

import io.dynofa.backend.api.DeviceBackend;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The device backends bound in the gateway and the configurations ConfigAdmin holds. */
final class GatewaySection {

    private GatewaySection() {
    }

    static void backends(Report report, List<DeviceBackend> backends) {
        report.section("Device backends (" + backends.size() + ")");
        if (backends.isEmpty()) {
            report.line("none");
        }
        for (DeviceBackend backend : backends) {
            report.line(backend.id() + ": " + backend.description() + ": "
                + backend.unavailableReason().map(reason -> "unavailable: " + reason).orElse("usable"));
        }
    }

    static void configurations(Report report, ConfigurationAdmin admin) {
        report.section("Configurations (ConfigAdmin)");
        if (admin == null) {
            report.line("ConfigAdmin is not running");
            return;
        }
        try {
            Configuration[] all = admin.listConfigurations(null);
            if (all == null) {
                report.line("none");
                return;
            }
            java.util.Arrays.sort(all, (a, b) -> a.getPid().compareTo(b.getPid()));
            for (Configuration c : all) {
                StringBuilder props = new StringBuilder();
                for (String key : Collections.list(c.getProperties().keys())) {
                    if (!key.startsWith("service.") && !key.startsWith("felix.fileinstall.filename")) {
                        props.append(props.length() == 0 ? "" : ", ").append(key).append('=')
                            .append(c.getProperties().get(key));
                    }
                }
                report.line(c.getPid() + ": " + props);
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            report.line("could not list the configurations: " + e.getMessage());
        }
    }
}
