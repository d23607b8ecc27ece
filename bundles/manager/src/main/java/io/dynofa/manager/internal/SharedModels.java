package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * The models loaded on the gateway's backends, shared by every deployment: one session per level file and backend,
 * whatever the number of deployments that serve it. {@link #load} hands out a {@link SharedModel} handle; the
 * session closes when the last handle is closed. A model is the same when the backend service (the one a renamed
 * backend stands for), its configuration ({@link DeviceBackend#description()}), the name and the file's SHA-256 are
 * the same. Loads of different models run concurrently; loads of the same one wait for each other. Thread-safe.
 */
@Component(service = SharedModels.class)
public final class SharedModels {

    /** What makes two loads the same session. */
    private record Key(DeviceBackend backend, String description, String name, String sha256) {
    }

    /** One session and its handles out; guarded by itself. */
    private static final class Entry {
        LoadedModel model;
        int handles;
    }

    private final Map<Key, Entry> entries = new HashMap<>();
    private final GatewayLoads loads = new GatewayLoads(this::load, new MeasuredProfiles(), new SampleChecks());

    /** Loads through this gateway's shared sessions, with the latencies and sample checks every deployment shares. */
    GatewayLoads loads() {
        return loads;
    }

    /**
     * The model {@code name} of {@code bytes} on {@code backend}: the session already open for it, or a new one.
     *
     * @throws BackendException as {@link DeviceBackend#load} throws it
     */
    public LoadedModel load(DeviceBackend backend, String name, byte[] bytes) throws BackendException {
        DeviceBackend original = Renamed.original(backend);
        Key key = new Key(original, backend.description(), name, sha256(bytes));
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(key, k -> new Entry());
            entry.handles++;
        }
        synchronized (entry) {
            if (entry.model == null) {
                try {
                    entry.model = backend.load(name, bytes);
                } catch (BackendException | RuntimeException e) {
                    release(key, entry);
                    throw e;
                }
            }
            return handle(key, entry);
        }
    }

    private SharedModel handle(Key key, Entry entry) {
        return new SharedModel(entry.model, () -> release(key, entry), () -> handles(entry), () -> another(key, entry));
    }

    /** One more handle on the entry's session; empty once its last handle was given back (the session closed). */
    private Optional<LoadedModel> another(Key key, Entry entry) {
        synchronized (entries) {
            if (entry.handles == 0 || entries.get(key) != entry) {
                return Optional.empty();
            }
            entry.handles++;
        }
        return Optional.of(handle(key, entry));
    }

    /** Sessions open, and how many of them more than one handle uses. */
    public Sessions sessions() {
        synchronized (entries) {
            int open = 0;
            int shared = 0;
            for (Entry e : entries.values()) {
                open++;
                if (e.handles > 1) {
                    shared++;
                }
            }
            return new Sessions(open, shared);
        }
    }

    /** How many of {@code models}' sessions another handle uses too. */
    public int sharedAmong(Iterable<LoadedModel> models) {
        int shared = 0;
        for (LoadedModel m : models) {
            if (m instanceof SharedModel s && s.isOpen() && s.handles() > 1) {
                shared++;
            }
        }
        return shared;
    }

    /** @param open sessions open @param shared of them, the ones several handles use */
    public record Sessions(int open, int shared) {
    }

    private int handles(Entry entry) {
        synchronized (entries) {
            return entry.handles;
        }
    }

    private void release(Key key, Entry entry) {
        LoadedModel closing = null;
        synchronized (entries) {
            if (--entry.handles == 0) {
                entries.remove(key, entry);
                closing = entry.model;
            }
        }
        if (closing != null) {
            closing.close();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
