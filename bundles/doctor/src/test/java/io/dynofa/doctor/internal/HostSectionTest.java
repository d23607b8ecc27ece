package io.dynofa.doctor.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ai.onnxruntime.OrtProvider;
import org.junit.Test;

public class HostSectionTest {

    @Test
    public void reportsJavaOrtAndEveryListedProvider() {
        Report report = new Report();
        HostSection.write(report);
        String text = report.toString();
        assertTrue(text, text.contains("Java " + System.getProperty("java.version")));
        assertTrue(text, text.contains(", natives loaded"));
        assertTrue(text, text.contains("  CPU: usable\n"));
    }

    @Test
    public void cudaIsTriedAndItsReasonGivenWhenUnusable() {
        String cuda = HostSection.usability(OrtProvider.CUDA);
        assertTrue(cuda, cuda.startsWith("unavailable: CUDA device 0 cannot be used: "));
        assertEquals("not used by Dynofa (not tried)", HostSection.usability(OrtProvider.DNNL));
    }
}
