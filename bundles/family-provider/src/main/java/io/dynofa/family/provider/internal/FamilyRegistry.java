package io.dynofa.family.provider.internal;

import io.dynofa.family.api.ModelFamily;

/** Where the {@link FamilyScanner} offers valid families (the OSGi service registry in production). */
public interface FamilyRegistry {

    /** Offers {@code family}; the returned handle withdraws it again. */
    Registration register(ModelFamily family);

    /** Withdraws one offered family; called at most once. */
    @FunctionalInterface
    interface Registration {
        void unregister();
    }
}
