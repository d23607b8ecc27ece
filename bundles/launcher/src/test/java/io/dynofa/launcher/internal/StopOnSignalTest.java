package io.dynofa.launcher.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class StopOnSignalTest {
    private final Fakes fakes = new Fakes();
    private final List<Integer> exits = new ArrayList<>();
    private final StopOnSignal activator = new StopOnSignal(exits::add);

    @Test
    public void registersTheLaunchersMainThread() {
        activator.registerMainThread(fakes.context());

        assertEquals(List.of(activator.exitRequest(), "{main.thread=true}"), fakes.registered);
    }

    @Test
    public void theFirstSignalHandsItsStatusToTheLauncherAndAnotherOneExitsAtOnce() throws Exception {
        activator.onSignal(fakes.context(), new Termination("TERM", 15));

        assertEquals(Integer.valueOf(143), activator.exitRequest().call());
        assertEquals(List.of(), exits);
        assertEquals(1, fakes.listeners.size());

        activator.onSignal(fakes.context(), new Termination("INT", 2));

        assertEquals(List.of(130), exits);
        assertEquals(Integer.valueOf(143), activator.exitRequest().call());
    }

    @Test
    public void anExitRequestIsTakenOnce() throws Exception {
        ExitRequest request = new ExitRequest();
        assertFalse(request.requested());

        assertTrue(request.request(143));
        assertFalse(request.request(130));

        assertTrue(request.requested());
        assertEquals(Integer.valueOf(143), request.call());
    }
}
