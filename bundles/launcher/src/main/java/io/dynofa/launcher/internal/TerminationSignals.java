package io.dynofa.launcher.internal;

import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * Takes over the JVM's reaction to SIGTERM, SIGINT (Ctrl-C) and SIGHUP, which would otherwise start the exit
 * at once. {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only way to do so; a signal it
 * cannot take (the JVM runs with -Xrs, or the process ignores it, as a background job ignores SIGINT) keeps
 * the JVM's behaviour.
 */
final class TerminationSignals {
    static final List<String> NAMES = List.of("TERM", "INT", "HUP");

    private TerminationSignals() {
    }

    /** Calls {@code listener} on a thread of its own for each of these signals; returns those taken over. */
    static List<String> handle(Consumer<Termination> listener) {
        return NAMES.stream().filter(name -> handle(name, listener)).toList();
    }

    private static boolean handle(String name, Consumer<Termination> listener) {
        try {
            Signal.handle(new Signal(name), s -> listener.accept(new Termination(s.getName(), s.getNumber())));
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            System.getLogger(TerminationSignals.class.getName()).log(System.Logger.Level.DEBUG,
                "SIG" + name + " keeps the JVM's behaviour: " + e.getMessage());
            return false;
        }
    }
}
