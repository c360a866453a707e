package io.github.recsys.eval;

import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.api.Recommender;
import io.github.recsys.data.InteractionMatrix;

import java.util.Arrays;

/** Test double: ranks items by a fixed users x items score table (or one score row for all users), excluding train items. */
final class ScoreTableRecommender implements Recommender {
    private final InteractionMatrix train;
    private final double[][] scores; // [user][item], or [0][item] shared

    ScoreTableRecommender(InteractionMatrix train, double[][] scores) {
        this.train = train;
        this.scores = scores;
    }

    /** Scores items by descending index order: item 0 best. */
    static ScoreTableRecommender byIndex(InteractionMatrix train) {
        double[] s = new double[train.cols()];
        for (int i = 0; i < s.length; i++) {
            s[i] = -i;
        }
        return new ScoreTableRecommender(train, new double[][] {s});
    }

    /** Scores items by their train popularity (number of users). */
    static ScoreTableRecommender popularity(InteractionMatrix train, boolean reversed) {
        double[] s = new double[train.cols()];
        for (int i = 0; i < s.length; i++) {
            s[i] = reversed ? -train.colLength(i) : train.colLength(i);
        }
        return new ScoreTableRecommender(train, new double[][] {s});
    }

    @Override
    public int itemCount() {
        return train.cols();
    }

    @Override
    public RecommendationList recommend(int user, int n, ItemFilter filter) {
        ItemFilter f = filter == null ? ItemFilter.DEFAULT : filter;
        double[] s = scores.length == 1 ? scores[0] : scores[user];
        Integer[] cand = new Integer[train.cols()];
        int m = 0;
        for (int i = 0; i < train.cols(); i++) {
            if ((!f.excludesSeen() || !train.contains(user, i)) && f.permits(i)) {
                cand[m++] = i;
            }
        }
        Integer[] c = Arrays.copyOf(cand, m);
        Arrays.sort(c, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
        int len = Math.min(n, m);
        int[] items = new int[len];
        double[] sc = new double[len];
        for (int j = 0; j < len; j++) {
            items[j] = c[j];
            sc[j] = s[c[j]];
        }
        return RecommendationList.of(items, sc, "table");
    }
}
