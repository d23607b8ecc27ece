package io.dynofa.http.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The configuration in force for every endpoint (PID {@value #PID}): read with the project's configuration reader,
 * so a bad edit keeps the value in force and is named in the gateway's problems.
 */
@Component(service = HttpSettings.class, configurationPid = HttpSettings.PID)
@Designate(ocd = HttpConfig.class)
public final class HttpSettings {
    static final String PID = "io.dynofa.http";
    private static final ConfigReader<HttpConfig> READER = ConfigReader.of(HttpConfig.class);

    private final LiveConfig<HttpConfig> config;

    @Activate
    public HttpSettings(BundleContext context, Map<String, Object> properties) {
        this.config = new LiveConfig<>(context, PID, READER, properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        config.update(properties);
    }

    @Deactivate
    void deactivate() {
        config.close();
    }

    HttpConfig config() {
        return config.config();
    }
}
