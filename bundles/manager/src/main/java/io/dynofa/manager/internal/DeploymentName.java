package io.dynofa.manager.internal;

import io.dynofa.runtime.api.Deployments;
import io.dynofa.runtime.api.Problem;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deployment's name: the configuration's {@code name}, else what its configuration file or PID says (FileInstall's
 * {@code io.dynofa.deployment-<name>.cfg}, a named factory configuration's {@code io.dynofa.deployment~<name>}),
 * else its PID. A configured name that is not 1-64 letters, digits, '.', '_' or '-' (starting with a letter or
 * digit) is refused with a problem and the file's or PID's name is used instead.
 *
 * @param problem why the configured name was refused, null when it was not
 */
record DeploymentName(String name, Problem problem) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String FILE_PREFIX = Deployments.FACTORY_PID + "-";

    static DeploymentName fixed(String name) {
        return new DeploymentName(name, null);
    }

    static DeploymentName of(Map<String, ?> properties) {
        String fallback = fromFileOrPid(properties);
        Object configured = properties.get("name");
        String name = configured == null ? "" : configured.toString().trim();
        if (name.isEmpty()) {
            return new DeploymentName(fallback, null);
        }
        if (VALID.matcher(name).matches()) {
            return new DeploymentName(name, null);
        }
        return new DeploymentName(fallback, Problems.of(Problem.CONFIG_REJECTED, "name", "deployment name '"
            + printable(name) + "' refused (1-64 letters, digits, '.', '_' or '-'); named '" + fallback + "'"));
    }

    private static String fromFileOrPid(Map<String, ?> properties) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String base = file.toString().replaceAll("^.*[/\\\\]", "").replaceAll("\\.(cfg|config|json)$", "");
            if (base.startsWith(FILE_PREFIX) && VALID.matcher(base.substring(FILE_PREFIX.length())).matches()) {
                return base.substring(FILE_PREFIX.length());
            }
        }
        String pid = String.valueOf(properties.get("service.pid"));
        int tilde = pid.lastIndexOf('~');
        if (tilde >= 0 && VALID.matcher(pid.substring(tilde + 1)).matches()) {
            return pid.substring(tilde + 1);
        }
        return VALID.matcher(pid).matches() ? pid : "deployment-" + Integer.toHexString(pid.hashCode());
    }

    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
