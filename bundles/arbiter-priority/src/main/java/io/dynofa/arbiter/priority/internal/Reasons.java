package io.dynofa.arbiter.priority.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one-line reasons of an arbitration. */
final class Reasons {
    static final String FIT = "proposals fit";

    private Reasons() {
    }

    /** No claim took part. */
    static String none(Contest contest) {
        return withNotes("no claims", contest);
    }

    /** {@code grants} keep every deadline within the cores; {@code greedy}: found by the greedy search. */
    static String fitted(Contest contest, int[] grants, boolean greedy) {
        int[] proposals = Grants.proposals(contest);
        if (Grants.stepsDown(contest, grants) == 0) {
            return withNotes(FIT, contest);
        }
        int[] highest = Grants.highestOptions(contest);
        boolean cpu = Grants.demand(contest, highest) > contest.cores();
        boolean sharing = !cpu && !Grants.fits(contest, highest);
        String room = room(contest, grants);
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < contest.size(); i++) {
            Contender c = contest.get(i);
            if (grants[i] == c.proposed()) {
                continue;
            }
            List<String> causes = new ArrayList<>();
            if (highest[i] < c.proposed()) {
                boolean climb = c.proposed() > c.current() && c.expectedMs(c.proposed()) <= c.budgetMs();
                causes.add(String.format(Locale.ROOT, climb ? "climb: %d expects %s > %s ms with headroom"
                    : "deadline: %d expects %s > %s ms", c.proposed(), Texts.number(c.expectedMs(c.proposed())),
                    Texts.number(climb ? c.climbBudgetMs() : c.budgetMs())));
            }
            if (grants[i] < highest[i]) {
                causes.add(cpu ? "CPU" : sharing ? "its load slows the others past a deadline"
                    : room != null ? "room for the others" : "a more accurate level");
            }
            steps.add(step(c, grants[i]) + " (" + String.join("; ", causes) + ")");
        }
        StringBuilder reason = new StringBuilder("stepped down ").append(String.join(", ", steps));
        if (cpu) {
            reason.append("; CPU ").append(Texts.number(Grants.demand(contest, highest))).append(" -> ")
                .append(Texts.number(Grants.demand(contest, grants))).append(" of ")
                .append(Texts.number(contest.cores())).append(" cores");
        }
        if (sharing) {
            reason.append("; processors shared x").append(Texts.number(Grants.interference(contest, highest)))
                .append(" at the highest levels -> x").append(Texts.number(Grants.interference(contest, grants)));
        }
        if (room != null) {
            reason.append("; ").append(room);
        }
        reason.append("; weighted top-1 ").append(Texts.number(Grants.value(contest, grants))).append(" of ")
            .append(Texts.number(Grants.value(contest, proposals)));
        if (greedy) {
            reason.append("; greedy search");
        }
        return withNotes(reason.toString(), contest);
    }

    /**
     * Who can climb where once the others step down to {@code grants} ("room: inspect can reach 9 at x0.71"), or
     * null when they make no room.
     */
    private static String room(Contest contest, int[] grants) {
        if (!(Grants.room(contest, grants) > 0)) {
            return null;
        }
        double factor = Grants.interference(contest, grants);
        List<String> reaches = new ArrayList<>();
        for (int i = 0; i < contest.size(); i++) {
            Contender c = contest.get(i);
            if (grants[i] == c.proposed() && c.roomValue(factor) > 0) {
                reaches.add(Texts.name(c.name()) + " can reach " + c.reach(factor));
            }
        }
        return "room: " + String.join(", ", reaches) + " at x" + Texts.number(factor);
    }

    /** No vector keeps every deadline within the cores: {@code grants} are those of {@link PriorityOrder}. */
    static String infeasible(Contest contest, int[] grants) {
        List<String> causes = new ArrayList<>();
        for (Contender c : contest.contenders()) {
            if (c.optionCount() == 0) {
                causes.add(String.format(Locale.ROOT, "%s meets its deadline at no level (%d expects %s, budget %s ms)",
                    Texts.name(c.name()), c.lowest(), Texts.number(c.expectedMs(c.lowest())),
                    Texts.number(c.budgetMs())));
            }
        }
        if (causes.isEmpty()) {
            double least = Grants.demand(contest, Grants.leastDemanding(contest));
            causes.add("CPU at the least demanding levels " + Texts.number(least) + " > "
                + Texts.number(contest.cores()) + " cores");
        }
        List<String> granted = new ArrayList<>();
        for (int i = 0; i < contest.size(); i++) {
            Contender c = contest.get(i);
            String lowest = grants[i] == c.lowest() && grants[i] < c.proposed() ? " (lowest)" : "";
            granted.add(grants[i] == c.proposed() ? Texts.name(c.name()) + " " + c.proposed()
                : step(c, grants[i]) + lowest);
        }
        return withNotes("no grant fits (" + String.join("; ", causes) + "): in priority order "
            + String.join(", ", granted), contest);
    }

    private static String step(Contender c, int granted) {
        return Texts.name(c.name()) + " " + c.proposed() + "->" + granted;
    }

    private static String withNotes(String reason, Contest contest) {
        return contest.notes().isEmpty() ? reason : reason + "; " + String.join("; ", contest.notes());
    }
}
