package io.dynofa.http.internal;

import static org.junit.Assert.assertEquals;

import java.util.Dictionary;
import java.util.Hashtable;
import org.junit.Test;

public class DeploymentConfigurationsTest {

    @Test
    public void namesADeploymentAsTheRuntimeDoes() {
        assertEquals("cam", DeploymentConfigurations.nameOf(props("name", "cam", "felix.fileinstall.filename",
            "file:/x/io.dynofa.deployment-other.cfg"), "io.dynofa.deployment~x"));
        assertEquals("other", DeploymentConfigurations.nameOf(props("name", "bad name!", "felix.fileinstall.filename",
            "file:/x/io.dynofa.deployment-other.cfg"), "io.dynofa.deployment.1234"));
        assertEquals("sort", DeploymentConfigurations.nameOf(props(), "io.dynofa.deployment~sort"));
        assertEquals("io.dynofa.deployment.1234", DeploymentConfigurations.nameOf(props(),
            "io.dynofa.deployment.1234"));
    }

    private static Dictionary<String, Object> props(String... keyValues) {
        Dictionary<String, Object> p = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }
}
