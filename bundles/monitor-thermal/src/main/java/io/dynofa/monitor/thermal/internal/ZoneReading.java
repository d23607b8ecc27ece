package io.dynofa.monitor.thermal.internal;

/**
 * One thermal zone's temperature.
 *
 * @param zone the number of its {@code thermal_zone<N>} directory
 * @param type the zone's {@code type}, e.g. {@code x86_pkg_temp}
 * @param celsius its {@code temp} (millidegrees) in degrees Celsius
 */
record ZoneReading(int zone, String type, double celsius) {
}
