package io.dynofa.dashboard.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** The page and what it loads are all in the bundle: no other origin, no file it names missing. */
public class DashboardFilesTest {
    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"([^\"]*)\"");
    private static final Pattern OTHER_ORIGIN = Pattern.compile("(?i)(?:https?:)?//[a-z0-9.-]+[.:/]");

    @Test
    public void thePageLoadsOnlyFilesOfTheBundle() throws IOException {
        String page = new String(IndexPage.load().bytes(), StandardCharsets.UTF_8);
        List<String> linked = new ArrayList<>();
        Matcher m = LINKED.matcher(page);
        while (m.find()) {
            linked.add(m.group(1));
        }
        assertEquals(List.of("static/dashboard.css", "static/dashboard.js"), linked);
        for (String file : linked) {
            String name = file.substring("static/".length());
            assertFalse(name + " is served from the bundle", OTHER_ORIGIN.matcher(read(name)).find());
        }
        assertFalse("the page names no other origin", OTHER_ORIGIN.matcher(page).find());
    }

    @Test
    public void theScriptPollsTheControlApiRelativeToThePage() throws IOException {
        String script = read("dashboard.js");
        assertTrue(script.contains("'../dynofa/v1/deployments'"));
        assertTrue("the state tests read", script.contains("dataset.points") && script.contains("dataset.target"));
    }

    @Test
    public void thePageIsServedWithAPolicyThatAllowsOnlyItsOwnOrigin() {
        assertTrue(IndexPage.HEADERS.get("Content-Security-Policy").startsWith("default-src 'self'"));
        assertTrue(IndexPage.CONTENT_TYPE.startsWith("text/html"));
    }

    private static String read(String file) throws IOException {
        try (InputStream in = IndexPage.class.getResourceAsStream(DashboardResources.FOLDER + "/" + file)) {
            assertNotNull(file + " in the bundle", in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
