package io.dynofa.profiler.internal;

import io.dynofa.config.internal.ConfigReader;
import io.dynofa.config.internal.LiveConfig;

import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.ProfileStore;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Profiles as files: {@code <profilesDir>/<familyId>/<backendId>.json}, with the plot ({@code .png})
 * and the report ({@code .md}) written beside on every save. Registers {@link ProfileStore} itself so
 * that it can bump {@link ProfileStore#REVISION} on the registration after each save.
 */
@Component(service = {}, immediate = true, configurationPid = FileProfileStore.PID)
@Designate(ocd = ProfilerConfig.class)
public final class FileProfileStore implements ProfileStore {
    static final String PID = "io.dynofa.profiler";
    private static final Logger LOG = System.getLogger(FileProfileStore.class.getName());
    private static final ConfigReader<ProfilerConfig> READER = ConfigReader.of(ProfilerConfig.class);

    private final AtomicLong revision = new AtomicLong();
    private volatile Path dir;
    private ServiceRegistration<ProfileStore> registration;
    private LiveConfig<ProfilerConfig> config;

    /** Outside OSGi (tests): a store on {@code dir} with no service registration. */
    FileProfileStore(Path dir) {
        this.dir = dir;
    }

    @Activate
    public FileProfileStore(BundleContext context, Map<String, Object> properties) {
        config = new LiveConfig<>(context, PID, READER, properties);
        this.dir = Path.of(config.config().profilesDir());
        registration = context.registerService(ProfileStore.class, this, properties());
    }

    @Modified
    void modified(Map<String, Object> properties) {
        if (config.update(properties)) {
            dir = Path.of(config.config().profilesDir());
            bump();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        config.close();
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    Path dir() {
        return dir;
    }

    Path file(String familyId, String backendId, String extension) {
        return dir.resolve(safe(familyId)).resolve(safe(backendId) + "." + extension);
    }

    @Override
    public Optional<LatencyProfile> find(String familyId, String backendId) {
        Path json = file(familyId, backendId, "json");
        try {
            return Optional.of(ProfileJson.read(Files.readString(json, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "profile " + json + " ignored: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the JSON (atomically), then the plot and the report; the revision is bumped once the JSON is in. */
    @Override
    public void save(LatencyProfile profile) throws IOException {
        Path json = file(profile.familyId(), profile.backendId(), "json");
        Files.createDirectories(json.getParent());
        Path tmp = json.resolveSibling(json.getFileName() + ".tmp");
        Files.writeString(tmp, ProfileJson.write(profile), StandardCharsets.UTF_8);
        Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        bump();
        Path png = file(profile.familyId(), profile.backendId(), "png");
        ProfilePlot.write(profile, png);
        Files.writeString(file(profile.familyId(), profile.backendId(), "md"),
            ProfileReport.markdown(profile, png.getFileName().toString()), StandardCharsets.UTF_8);
        LOG.log(Level.DEBUG, "profile of {0} on {1} saved to {2}", profile.familyId(), profile.backendId(), json);
    }

    @Override
    public List<String> locations(String familyId, String backendId) {
        return Stream.of("json", "png", "md").map(ext -> file(familyId, backendId, ext)).filter(Files::isRegularFile)
            .map(p -> p.toAbsolutePath().normalize().toString()).toList();
    }

    private synchronized void bump() {
        revision.incrementAndGet();
        if (registration != null) {
            registration.setProperties(properties());
        }
    }

    private Dictionary<String, Object> properties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(REVISION, revision.get());
        props.put("dynofa.profile.dir", dir.toAbsolutePath().normalize().toString());
        return props;
    }

    /** A file-name-safe form of an id. */
    static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
