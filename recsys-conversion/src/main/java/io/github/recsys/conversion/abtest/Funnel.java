package io.github.recsys.conversion.abtest;

import java.util.ArrayList;
import java.util.List;

/**
 * Funnel metrics over ordered stages (e.g. visit, product view, add to cart, purchase): step and
 * overall conversion with Wilson 95% intervals. Stateless and thread-safe.
 */
public final class Funnel {

    private Funnel() {
    }

    /**
     * Funnel from the number of sessions reaching each stage.
     *
     * @param stages stage names in funnel order, at least one
     * @param counts sessions reaching each stage: non-negative and non-increasing
     */
    public static List<FunnelStep> of(String[] stages, long[] counts) {
        if (stages.length == 0 || stages.length != counts.length) {
            throw new IllegalArgumentException("need one count per stage and at least one stage, had " + stages.length
                    + " stages and " + counts.length + " counts");
        }
        List<FunnelStep> out = new ArrayList<>(stages.length);
        for (int s = 0; s < stages.length; s++) {
            if (counts[s] < 0) {
                throw new IllegalArgumentException("stage '" + stages[s] + "' count must be >= 0, was " + counts[s]);
            }
            if (s > 0 && counts[s] > counts[s - 1]) {
                throw new IllegalArgumentException("stage '" + stages[s] + "' has " + counts[s]
                        + " sessions, more than the previous stage '" + stages[s - 1] + "' (" + counts[s - 1]
                        + "); funnel counts must not increase");
            }
            long prev = s == 0 ? counts[0] : counts[s - 1];
            out.add(new FunnelStep(stages[s], counts[s], Proportion.wilson(counts[s], prev),
                    Proportion.wilson(counts[s], counts[0]), prev - counts[s]));
        }
        return List.copyOf(out);
    }

    /**
     * Funnel from per-session stage reached: {@code deepestStage[i]} is the index of the last stage
     * session i reached (-1 = none), so a session counts toward every stage up to that index.
     */
    public static List<FunnelStep> fromDeepestStage(String[] stages, int[] deepestStage) {
        long[] counts = new long[stages.length];
        for (int i = 0; i < deepestStage.length; i++) {
            int d = deepestStage[i];
            if (d < -1 || d >= stages.length) {
                throw new IllegalArgumentException("session " + i + ": stage index must be in [-1, " + stages.length
                        + "), was " + d);
            }
            for (int s = 0; s <= d; s++) {
                counts[s]++;
            }
        }
        return of(stages, counts);
    }
}
