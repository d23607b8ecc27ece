package io.dynofa.manager.internal;

import io.dynofa.policy.api.Level;
import java.util.ArrayList;
import java.util.List;

/** Active sets of {@link FakeModel}s, levels {@code l0, l1, ...}, built without a loader. */
final class FakeSets {

    private FakeSets() {
    }

    /** A set of {@code levels} levels whose models (each run sleeping {@code sleepMillis}) are added to {@code models}. */
    static ActiveSet of(int levels, long sleepMillis, List<FakeModel> models) {
        FakeFamily family = new FakeFamily("fam");
        List<ResidentLevel> resident = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            family.level("l" + i, 70 + i);
            FakeModel model = new FakeModel("fam/l" + i, i, FakeBackend.CLASSES, sleepMillis);
            models.add(model);
            resident.add(new ResidentLevel(new Level(i, "l" + i, 70 + i, i + 1), family.levels().get(i), model,
                (i + 1) * 1_000_000L));
        }
        return new ActiveSet(family, new FakeBackend("cpu"), resident);
    }
}
