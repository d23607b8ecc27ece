package io.dynofa.launcher.internal;

/** A signal that ends the process: its name without {@code SIG} and its number. */
record Termination(String name, int number) {

    /** The exit status a shell reports for a process ended by this signal: 128 + its number. */
    int exitStatus() {
        return 128 + number;
    }

    @Override
    public String toString() {
        return "SIG" + name;
    }
}
