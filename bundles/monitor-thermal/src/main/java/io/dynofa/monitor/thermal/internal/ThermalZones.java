package io.dynofa.monitor.thermal.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code thermal_zone<N>} directories of a sysfs thermal class directory. */
final class ThermalZones {
    private static final Pattern ZONE_DIRECTORY = Pattern.compile("thermal_zone(\\d{1,9})");
    private static final double MILLIDEGREES_PER_DEGREE = 1000;

    private ThermalZones() {
    }

    /** Every zone whose {@code type} and {@code temp} are readable, by zone number; never throws. */
    static List<ZoneReading> readAll(Path thermalDir) {
        List<ZoneReading> zones = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(thermalDir)) {
            for (Path entry : entries) {
                Matcher name = ZONE_DIRECTORY.matcher(entry.getFileName().toString());
                if (name.matches()) {
                    readZone(Integer.parseInt(name.group(1)), entry, zones);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        zones.sort(Comparator.comparingInt(ZoneReading::zone));
        return List.copyOf(zones);
    }

    private static void readZone(int zone, Path directory, List<ZoneReading> into) {
        try {
            String type = readTrimmed(directory.resolve("type"));
            long millidegrees = Long.parseLong(readTrimmed(directory.resolve("temp")));
            if (!type.isEmpty()) {
                into.add(new ZoneReading(zone, type, millidegrees / MILLIDEGREES_PER_DEGREE));
            }
        } catch (IOException | NumberFormatException e) {
            // a sensor that is switched off fails its read (EIO/ENODATA): the zone is left out
        }
    }

    private static String readTrimmed(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.ISO_8859_1).trim();
    }
}
