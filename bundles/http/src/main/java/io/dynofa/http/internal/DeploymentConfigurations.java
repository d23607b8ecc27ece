package io.dynofa.http.internal;

import io.dynofa.runtime.api.Deployments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Where a deployment's configuration lives in ConfigAdmin: {@value #RUNTIME_PID} for {@value Deployments#DEFAULT},
 * else the {@value Deployments#FACTORY_PID} factory configuration the deployment takes its name from (as the runtime
 * names it: its {@code name}, else its FileInstall file {@code io.dynofa.deployment-<name>.cfg}, else its PID's
 * instance name after '~', else its PID).
 */
final class DeploymentConfigurations {
    static final String RUNTIME_PID = "io.dynofa.runtime";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String FILE_PREFIX = Deployments.FACTORY_PID + "-";

    private DeploymentConfigurations() {
    }

    /**
     * Writes {@code changes} over the deployment's configuration (its other properties kept), through ConfigAdmin;
     * with {@code toFile}, first into the FileInstall file the configuration came from ({@link ConfigFileWriteBack}),
     * so that nothing changes when the file cannot be written; ConfigAdmin then holds the values as text, as the
     * file does, so FileInstall reading the file back finds nothing new.
     *
     * @throws HttpError 409 when the deployment has no configuration to write (it runs, but not from ConfigAdmin),
     *     500 when ConfigAdmin fails or the file cannot be written
     */
    static void update(ConfigurationAdmin admin, String deployment, Map<String, Object> changes, boolean toFile)
        throws HttpError {
        try {
            Configuration configuration = find(admin, deployment);
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            Path file = toFile ? ConfigFileWriteBack.fileOf(properties.get(ConfigFileWriteBack.FILENAME)) : null;
            if (file != null) {
                try {
                    ConfigFileWriteBack.write(file, changes);
                } catch (IOException | RuntimeException e) {
                    throw new HttpError(500, "cannot save the change of deployment '" + deployment + "' to " + file
                        + " (nothing changed): " + e);
                }
            }
            for (Map.Entry<String, Object> change : changes.entrySet()) {
                properties.put(change.getKey(), file == null ? change.getValue() : String.valueOf(change.getValue()));
            }
            configuration.update(properties);
        } catch (IOException | IllegalStateException e) {
            throw new HttpError(500, "cannot write the configuration of deployment '" + deployment + "': " + e);
        }
    }

    private static Configuration find(ConfigurationAdmin admin, String deployment) throws IOException, HttpError {
        if (deployment.equals(Deployments.DEFAULT)) {
            return admin.getConfiguration(RUNTIME_PID, "?");
        }
        Configuration[] all;
        try {
            all = admin.listConfigurations("(service.factoryPid=" + Deployments.FACTORY_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (all != null) {
            for (Configuration configuration : all) {
                Dictionary<String, Object> properties = configuration.getProperties();
                if (properties != null && deployment.equals(nameOf(properties, configuration.getPid()))) {
                    return configuration;
                }
            }
        }
        throw new HttpError(409, "deployment '" + deployment + "' has no " + Deployments.FACTORY_PID
            + " configuration to change");
    }

    /** The name the runtime gives the deployment of a factory configuration with these properties. */
    static String nameOf(Dictionary<String, Object> properties, String pid) {
        Object configured = properties.get("name");
        String name = configured == null ? "" : configured.toString().trim();
        if (VALID.matcher(name).matches()) {
            return name;
        }
        Object file = properties.get(ConfigFileWriteBack.FILENAME);
        if (file != null) {
            String base = file.toString().replaceAll("^.*[/\\\\]", "").replaceAll("\\.(cfg|config|json)$", "");
            if (base.startsWith(FILE_PREFIX) && VALID.matcher(base.substring(FILE_PREFIX.length())).matches()) {
                return base.substring(FILE_PREFIX.length());
            }
        }
        int tilde = pid.lastIndexOf('~');
        if (tilde >= 0 && VALID.matcher(pid.substring(tilde + 1)).matches()) {
            return pid.substring(tilde + 1);
        }
        return pid;
    }
}
