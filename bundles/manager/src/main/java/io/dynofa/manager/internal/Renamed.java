package io.dynofa.manager.internal;

import io.dynofa.backend.api.BackendException;
import io.dynofa.backend.api.DeviceBackend;
import io.dynofa.backend.api.LoadedModel;
import io.dynofa.family.api.LevelSpec;
import io.dynofa.family.api.ModelFamily;
import io.dynofa.family.api.Sample;
import io.dynofa.inference.api.InputSpec;
import io.dynofa.inference.api.TensorSpec;
import io.dynofa.policy.api.Decision;
import io.dynofa.policy.api.PolicyContext;
import io.dynofa.policy.api.SwitchingPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A plug-in service seen under the id its service property gives when that differs from the one its own
 * method reports: the property selects (as the API documents), so the manager, its status and its profiles
 * all use the property's id. Every other call goes to the service.
 */
final class Renamed {

    private Renamed() {
    }

    static SwitchingPolicy policy(SwitchingPolicy policy, String name) {
        return new RenamedPolicy(policy, name);
    }

    /** The service {@code policy} stands for: itself, or the one it renames. */
    static SwitchingPolicy original(SwitchingPolicy policy) {
        return policy instanceof RenamedPolicy renamed ? renamed.policy : policy;
    }

    private static final class RenamedPolicy implements SwitchingPolicy {
        private final SwitchingPolicy policy;
        private final String name;

        RenamedPolicy(SwitchingPolicy policy, String name) {
            this.policy = policy;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Decision decide(PolicyContext context) {
            return policy.decide(context);
        }

        @Override
        public void reset() {
            policy.reset();
        }

        @Override
        public void reset(String deployment) {
            policy.reset(deployment);
        }

        @Override
        public String toString() {
            return policy + " as '" + name + "'";
        }
    }

    static DeviceBackend backend(DeviceBackend backend, String id) {
        return new RenamedBackend(backend, id);
    }

    /** The service {@code backend} stands for: itself, or the one it renames. */
    static DeviceBackend original(DeviceBackend backend) {
        return backend instanceof RenamedBackend renamed ? renamed.backend : backend;
    }

    private static final class RenamedBackend implements DeviceBackend {
        private final DeviceBackend backend;
        private final String id;

        RenamedBackend(DeviceBackend backend, String id) {
            this.backend = backend;
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return backend.description();
        }

        @Override
        public Optional<String> unavailableReason() {
            return backend.unavailableReason();
        }

        @Override
        public LoadedModel load(String name, byte[] model) throws BackendException {
            return backend.load(name, model);
        }

        @Override
        public String toString() {
            return backend + " as '" + id + "'";
        }
    }

    static ModelFamily family(ModelFamily family, String id) {
        return new ModelFamily() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String version() {
                return family.version();
            }

            @Override
            public InputSpec input() {
                return family.input();
            }

            @Override
            public List<String> labels() {
                return family.labels();
            }

            @Override
            public List<LevelSpec> levels() {
                return family.levels();
            }

            @Override
            public byte[] model(String levelId) throws IOException {
                return family.model(levelId);
            }

            @Override
            public Optional<TensorSpec> output() {
                return family.output();
            }

            @Override
            public Optional<Sample> sample() throws IOException {
                return family.sample();
            }

            @Override
            public String toString() {
                return family + " as '" + id + "'";
            }
        };
    }
}
