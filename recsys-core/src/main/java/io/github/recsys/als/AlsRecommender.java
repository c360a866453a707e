package io.github.recsys.als;

import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.ItemScorer;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.api.Recommender;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.internal.Internals;
import io.github.recsys.internal.ParallelRange;
import io.github.recsys.linalg.FloatKernels;
import io.github.recsys.linalg.Gram;
import io.github.recsys.rank.BlockedFactors;
import io.github.recsys.rank.FilterCheck;
import io.github.recsys.rank.TopKSelector;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * Serves an {@link AlsModel}: exact top-N, fold-in of users the model has never seen, similar items
 * and users, and explanations. Source label {@value #SOURCE}.
 *
 * <p><b>Scores.</b> The score of item i for a user vector x is the float dot product {@code x . y_i},
 * computed as a sequential fused-multiply-add chain (see {@link BlockedFactors}); it equals
 * {@link AlsModel#score(int, int)} (which sums in double) to float rounding. Top-N scans the item
 * factors in k-major blocks with a SIMD kernel when {@code jdk.incubator.vector} is present (plain Java
 * otherwise; both give identical scores) and keeps the best n in a bounded heap
 * ({@link TopKSelector}); the filter is consulted only for items whose score could enter the top n.
 * A small allow list (at most 1/16 of the catalogue) is scored item by item instead.
 *
 * <p><b>Seen items.</b> For {@link #recommend}, the user's row of the training matrix; for
 * {@link #recommendFor}, the items passed in.
 *
 * <p><b>Fold-in.</b> {@link #foldIn} solves the implicit-ALS normal equations for one user against the
 * fixed item factors, exactly (Cholesky, in double):
 * {@code x = (YᵀY + Yᵀ(C-I)Y + λ_u I)^-1 YᵀC p}, with {@code c_j = 1 + alpha*r_j} over the given items,
 * p = 1 on them, alpha and lambda from the model's {@link AlsConfig}, and
 * {@code λ_u} the model's {@link AlsConfig#rowRegularization(int)} of the number of distinct items given
 * (the same penalty a training user with that many items gets). YᵀY is computed
 * once, when the recommender is built. The model is never changed.
 *
 * <p><b>Memory.</b> Besides the model (shared, not copied): one block copy of the item factors
 * ({@code 4 * items * k} bytes, padded), YᵀY, item norms, and, after the first {@link #similarUsers}
 * call, a block copy of the user factors.
 *
 * <p>Immutable and thread-safe. Per-thread scratch (heap, k x k system) is kept in a thread local.
 * {@link #recommendAll} runs on {@link #threads()} threads of a pool created for the call and scores
 * {@value #USERS_PER_CHUNK} users per pass over the item blocks (each block is read from memory once
 * for all of them); its answers equal single calls.
 */
public final class AlsRecommender implements Recommender, ItemScorer {

    /** The {@link RecommendationList#source()} of this recommender's lists. */
    public static final String SOURCE = "als";

    /** Users per task in {@link #recommendAll}. */
    static final int USERS_PER_CHUNK = 32;

    private final AlsModel model;
    private final InteractionMatrix train;
    private final int k;
    private final int userCount;
    private final int itemCount;
    private final float[] x;
    private final float[] y;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final float[] rowVal;
    private final BlockedFactors blockedItems;
    private final double[] gram;
    private final double[] itemInvNorm;
    private final int threads;
    private final float alpha;
    private final AlsConfig config;
    private final ThreadLocal<Scratch> scratch;
    private volatile UserSide userSide;

    /** A recommender on all available processors; see {@link #AlsRecommender(AlsModel, InteractionMatrix, int)}. */
    public AlsRecommender(AlsModel model, InteractionMatrix train) {
        this(model, train, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A recommender for {@code model}.
     *
     * @param model   the trained model (shared, not copied)
     * @param train   the training matrix (users x items, same shape as the model) giving each user's
     *                seen items and strengths; null when no user has seen items
     * @param threads threads for {@link #recommendAll}, &gt; 0
     * @throws IllegalArgumentException when shapes differ or threads &lt;= 0
     */
    public AlsRecommender(AlsModel model, InteractionMatrix train, int threads) {
        this.model = Objects.requireNonNull(model, "model");
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be > 0, was " + threads);
        }
        if (train != null && (train.rows() != model.userCount() || train.cols() != model.itemCount())) {
            throw new IllegalArgumentException("train is " + train.rows() + " x " + train.cols() + " but the model has "
                    + model.userCount() + " users x " + model.itemCount() + " items");
        }
        this.train = train;
        this.threads = threads;
        this.k = model.factors();
        this.userCount = model.userCount();
        this.itemCount = model.itemCount();
        this.x = model.userFactorsRaw();
        this.y = model.itemFactorsRaw();
        if (train != null) {
            Internals.MatrixAccess acc = Internals.matrix();
            this.rowPtr = acc.rowPtr(train);
            this.colIdx = acc.colIdx(train);
            this.rowVal = acc.rowValues(train);
        } else {
            this.rowPtr = new int[userCount + 1];
            this.colIdx = new int[0];
            this.rowVal = new float[0];
        }
        this.blockedItems = BlockedFactors.of(y, itemCount, k);
        float[] g = Gram.compute(FloatKernels.preferred(), y, itemCount, k, null, 1);
        this.gram = new double[k * k];
        for (int i = 0; i < gram.length; i++) {
            gram[i] = g[i];
        }
        this.itemInvNorm = inverseNorms(y, itemCount, k);
        AlsConfig c = model.config();
        this.alpha = (float) c.alpha();
        this.config = c;
        this.scratch = ThreadLocal.withInitial(this::newScratch);
    }

    private static double[] inverseNorms(float[] f, int rows, int k) {
        double[] inv = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = r * k, e = j + k; j < e; j++) {
                s += (double) f[j] * f[j];
            }
            inv[r] = s > 0 ? 1.0 / Math.sqrt(s) : 0.0;
        }
        return inv;
    }

    /** The served model. */
    public AlsModel model() {
        return model;
    }

    @Override
    public int itemCount() {
        return itemCount;
    }

    /** Number of users of the model; {@link #recommend} accepts {@code [0, userCount())}. */
    public int userCount() {
        return userCount;
    }

    /** Threads used by {@link #recommendAll}. */
    public int threads() {
        return threads;
    }

    /** Name of the top-N scoring kernel ({@code "vector-512"}, {@code "scalar"}, ...). */
    public String kernelName() {
        return blockedItems.kernelName();
    }

    /**
     * Top-n unseen (by default) items for a known user.
     *
     * @throws IndexOutOfBoundsException when user is outside {@code [0, userCount())}
     * @throws IllegalArgumentException  when n &lt; 0
     */
    @Override
    public RecommendationList recommend(int user, int n, ItemFilter filter) {
        checkUser(user);
        checkN(n);
        return recommend(user, n, filter == null ? ItemFilter.DEFAULT : filter, scratch.get());
    }

    private RecommendationList recommend(int user, int n, ItemFilter filter, Scratch s) {
        System.arraycopy(x, user * k, s.query, 0, k);
        return topN(s, s.query, n, filter, colIdx, rowPtr[user], rowPtr[user + 1], null);
    }

    /**
     * Element j for {@code users[j]}, computed on {@link #threads()} threads in fixed chunks of users;
     * each list equals {@code recommend(users[j], n, filter)}.
     */
    @Override
    public RecommendationList[] recommendAll(int[] users, int n, ItemFilter filter) {
        Objects.requireNonNull(users, "users");
        checkN(n);
        for (int u : users) {
            checkUser(u);
        }
        ItemFilter f = filter == null ? ItemFilter.DEFAULT : filter;
        RecommendationList[] out = new RecommendationList[users.length];
        int chunks = ParallelRange.chunkCount(users.length, USERS_PER_CHUNK);
        int workers = Math.min(threads, chunks);
        ForkJoinPool pool = workers > 1 ? new ForkJoinPool(workers) : null;
        try {
            boolean batched = n > 0 && !smallAllowList(f);
        ParallelRange.run(pool, workers, chunks, w -> {
            Scratch s = newScratch();
            Batch batch = batched ? new Batch(k, USERS_PER_CHUNK, blockedItems.batchScratchLength(USERS_PER_CHUNK)) : null;
            return c -> {
                int from = c * USERS_PER_CHUNK;
                int to = Math.min(users.length, from + USERS_PER_CHUNK);
                if (batched) {
                    recommendBatch(users, from, to, n, f, batch, out);
                } else {
                    for (int j = from; j < to; j++) {
                        out[j] = recommend(users[j], n, f, s);
                    }
                }
            };
        });
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return out;
    }

    /** Top-n for {@code users[from .. to)} with one pass over the item blocks for all of them. */
    private void recommendBatch(int[] users, int from, int to, int n, ItemFilter f, Batch b, RecommendationList[] out) {
        int nq = to - from;
        for (int j = 0; j < nq; j++) {
            int u = users[from + j];
            System.arraycopy(x, u * k, b.queries, j * k, k);
            b.selectors[j].reset(n);
            b.checkRefs[j] = b.checks[j].reset(f, colIdx, rowPtr[u], rowPtr[u + 1]);
        }
        blockedItems.selectTopKBatch(b.queries, nq, b.selectors, b.checkRefs, b.work);
        for (int j = 0; j < nq; j++) {
            out[from + j] = b.selectors[j].drainToList(SOURCE);
            b.checks[j].clear();
            b.checkRefs[j] = null;
        }
    }

    private boolean smallAllowList(ItemFilter f) {
        return f.hasAllowList() && f.allowList().length <= itemCount / 16;
    }

    /**
     * Writes the score of every item for a known user (seen items included).
     *
     * @param out length &gt;= {@link #itemCount()}; modified
     */
    @Override
    public void scoreAll(int user, double[] out) {
        checkUser(user);
        if (out.length < itemCount) {
            throw new IllegalArgumentException("out has length " + out.length + ", need " + itemCount);
        }
        float[] q = Arrays.copyOfRange(x, user * k, user * k + k);
        float[] tmp = new float[itemCount];
        blockedItems.scoreAll(q, tmp);
        for (int i = 0; i < itemCount; i++) {
            out[i] = tmp[i];
        }
    }

    /**
     * The user vector that implicit ALS would give a user with these interactions, solved exactly
     * against the fixed item factors (see the class comment). An empty history gives the zero vector.
     *
     * @param items   item indices in {@code [0, itemCount())}; duplicates have their weights summed; not modified
     * @param weights strength r of each interaction (finite, &gt;= 0; confidence {@code 1 + alpha*r}),
     *                or null for 1 each; not modified
     * @return a new vector of length {@link AlsModel#factors()}
     * @throws IllegalArgumentException naming the entry for a bad item or weight
     * @throws IllegalStateException    when the system is not positive definite (regularization 0 and
     *                                  degenerate item factors)
     */
    public float[] foldIn(int[] items, double[] weights) {
        History h = history(items, weights);
        Scratch s = scratch.get();
        solveUser(h.items, h.weights, 0, h.items.length, s);
        float[] v = new float[k];
        for (int f = 0; f < k; f++) {
            v[f] = (float) s.b[f];
        }
        return v;
    }

    /**
     * Top-n for a user described only by interactions: {@link #foldIn} then top-N, the given items
     * counting as seen. The model is not changed; nothing is stored.
     *
     * @see #foldIn(int[], double[])
     */
    public RecommendationList recommendFor(int[] items, double[] weights, int n, ItemFilter filter) {
        checkN(n);
        History h = history(items, weights);
        Scratch s = scratch.get();
        solveUser(h.items, h.weights, 0, h.items.length, s);
        for (int f = 0; f < k; f++) {
            s.query[f] = (float) s.b[f];
        }
        return topN(s, s.query, n, filter == null ? ItemFilter.DEFAULT : filter, h.items, 0, h.items.length, null);
    }

    /**
     * The n items most similar to {@code item} by cosine of their factors (the item itself excluded;
     * zero vectors have similarity 0). The list's items are item indices and its scores cosines.
     */
    public RecommendationList similarItems(int item, int n) {
        return similarItems(item, n, ItemFilter.NONE);
    }

    /**
     * As {@link #similarItems(int, int)}, restricted by {@code filter} (its seen-items setting is
     * ignored: there is no user).
     */
    public RecommendationList similarItems(int item, int n, ItemFilter filter) {
        checkItem(item);
        checkN(n);
        Scratch s = scratch.get();
        float inv = (float) itemInvNorm[item];
        for (int f = 0; f < k; f++) {
            s.query[f] = y[item * k + f] * inv;
        }
        s.self[0] = item;
        ItemFilter f = (filter == null ? ItemFilter.NONE : filter).excludeSeen(true);
        return topN(s, s.query, n, f, s.self, 0, 1, itemInvNorm);
    }

    /**
     * The n users most similar to {@code user} by cosine of their factors (the user excluded). The
     * list's "items" are user indices and its scores cosines. The first call builds a block copy of
     * the user factors ({@code 4 * users * k} bytes).
     */
    public RecommendationList similarUsers(int user, int n) {
        checkUser(user);
        checkN(n);
        UserSide side = userSide();
        Scratch s = scratch.get();
        float inv = (float) side.invNorm[user];
        for (int f = 0; f < k; f++) {
            s.query[f] = x[user * k + f] * inv;
        }
        TopKSelector sel = s.selector;
        sel.reset(n);
        if (n == 0) {
            return sel.drainToList(SOURCE);
        }
        s.self[0] = user;
        FilterCheck check = s.check.reset(ItemFilter.DEFAULT, s.self, 0, 1);
        float[] work = side.blocked.scratchLength() <= s.blockScratch.length ? s.blockScratch
                : new float[side.blocked.scratchLength()];
        side.blocked.selectTopK(s.query, side.invNorm, sel, check, work);
        s.check.clear();
        return sel.drainToList(SOURCE);
    }

    private UserSide userSide() {
        UserSide u = userSide;
        if (u == null) {
            synchronized (this) {
                u = userSide;
                if (u == null) {
                    u = new UserSide(BlockedFactors.of(x, userCount, k), inverseNorms(x, userCount, k));
                    userSide = u;
                }
            }
        }
        return u;
    }

    /**
     * Explains the score of {@code item} for a known user by the contributions of the user's training
     * items (see {@link Explanation}).
     */
    public Explanation explain(int user, int item) {
        checkUser(user);
        checkItem(item);
        int from = rowPtr[user];
        int to = rowPtr[user + 1];
        double[] w = new double[to - from];
        for (int p = from; p < to; p++) {
            w[p - from] = rowVal[p];
        }
        int[] items = Arrays.copyOfRange(colIdx, from, to);
        return explain(user, items, w, item, model.score(user, item));
    }

    /**
     * Explains the score of {@code item} for a folded-in user with these interactions (arguments as in
     * {@link #foldIn}); {@link Explanation#user()} is -1.
     */
    public Explanation explainFor(int[] items, double[] weights, int item) {
        checkItem(item);
        History h = history(items, weights);
        return explain(-1, h.items, h.weights, item, Double.NaN);
    }

    private Explanation explain(int user, int[] items, double[] weights, int item, double modelScore) {
        int m = items.length;
        if (m == 0) {
            return new Explanation(user, item, 0.0, modelScore, new int[0], new double[0]);
        }
        Scratch s = scratch.get();
        buildSystem(items, weights, 0, m, s);
        if (!SmallCholesky.decompose(s.a, k)) {
            throw notPositiveDefinite(m);
        }
        double[] q = s.b;
        for (int f = 0; f < k; f++) {
            q[f] = y[item * k + f];
        }
        SmallCholesky.solve(s.a, k, q); // q = W y_i
        TopKSelector sel = new TopKSelector(m);
        double total = 0;
        for (int t = 0; t < m; t++) {
            int j = items[t];
            double sij = 0;
            for (int f = 0; f < k; f++) {
                sij += q[f] * y[j * k + f];
            }
            double contribution = sij * (1.0 + (double) alpha * weights[t]);
            total += contribution;
            sel.offer(j, contribution);
        }
        int[] outItems = new int[m];
        double[] outContrib = new double[m];
        sel.drainSorted(outItems, outContrib);
        return new Explanation(user, item, total, modelScore, outItems, outContrib);
    }

    // ---- internals ----

    private RecommendationList topN(Scratch s, float[] query, int n, ItemFilter filter, int[] seen, int from, int to,
                                    double[] rowScale) {
        TopKSelector sel = s.selector;
        sel.reset(n);
        if (n == 0) {
            return sel.drainToList(SOURCE);
        }
        FilterCheck check = s.check.reset(filter, seen, from, to);
        int[] allowed = filter.hasAllowList() ? filter.allowList() : null;
        if (allowed != null && allowed.length <= itemCount / 16) { // keep in line with smallAllowList
            for (int item : allowed) {
                if (item >= 0 && item < itemCount && (check == null || check.accept(item))) {
                    double score = BlockedFactors.dot(query, y, item * k, k);
                    sel.offer(item, rowScale == null ? score : score * rowScale[item]);
                }
            }
        } else {
            blockedItems.selectTopK(query, rowScale, sel, check, s.blockScratch);
        }
        s.check.clear();
        return sel.drainToList(SOURCE);
    }

    /** Solves for one user's vector; the solution is left in {@code s.b}. */
    private void solveUser(int[] items, double[] weights, int from, int to, Scratch s) {
        if (to == from) {
            Arrays.fill(s.b, 0.0);
            return;
        }
        buildSystem(items, weights, from, to, s);
        if (!SmallCholesky.decompose(s.a, k)) {
            throw notPositiveDefinite(to - from);
        }
        SmallCholesky.solve(s.a, k, s.b);
    }

    /**
     * Fills {@code s.a} (lower triangle) with {@code YᵀY + λ_u I + sum alpha*r_j y_j y_jᵀ} and {@code s.b}
     * with {@code sum (1 + alpha*r_j) y_j}, in double.
     */
    private void buildSystem(int[] items, double[] weights, int from, int to, Scratch s) {
        double[] a = s.a;
        double[] b = s.b;
        System.arraycopy(gram, 0, a, 0, k * k);
        double reg = config.rowRegularization(to - from);
        for (int i = 0; i < k; i++) {
            a[i * k + i] += reg;
            b[i] = 0;
        }
        double[] yj = s.row;
        for (int p = from; p < to; p++) {
            int off = items[p] * k;
            double cm1 = (double) alpha * weights[p];
            for (int i = 0; i < k; i++) {
                yj[i] = y[off + i];
            }
            for (int i = 0; i < k; i++) {
                double yi = yj[i];
                b[i] += (1 + cm1) * yi;
                double sc = cm1 * yi;
                int r = i * k;
                for (int j = 0; j <= i; j++) {
                    a[r + j] += sc * yj[j];
                }
            }
        }
    }

    private IllegalStateException notPositiveDefinite(int items) {
        return new IllegalStateException("fold-in system for a user with " + items + " items is not positive definite; "
                + "the model's regularization (" + config.regularization() + ") is too small");
    }

    /** Sorted distinct items with summed, validated weights. */
    private History history(int[] items, double[] weights) {
        Objects.requireNonNull(items, "items");
        if (weights != null && weights.length != items.length) {
            throw new IllegalArgumentException("items has " + items.length + " entries, weights " + weights.length);
        }
        for (int t = 0; t < items.length; t++) {
            if (items[t] < 0 || items[t] >= itemCount) {
                throw new IllegalArgumentException("entry " + t + ": item " + items[t] + " out of range [0, "
                        + itemCount + ")");
            }
            if (weights != null && (!(weights[t] >= 0) || Double.isInfinite(weights[t]))) {
                throw new IllegalArgumentException("entry " + t + ": weight " + weights[t] + " of item " + items[t]
                        + " must be finite and >= 0");
            }
        }
        int[] sorted = items.clone();
        double[] w = new double[items.length];
        boolean increasing = true;
        for (int t = 1; t < sorted.length && increasing; t++) {
            increasing = sorted[t] > sorted[t - 1];
        }
        if (increasing) {
            for (int t = 0; t < w.length; t++) {
                w[t] = weights == null ? 1.0 : weights[t];
            }
            return new History(sorted, w);
        }
        int[] order = new int[items.length];
        for (int t = 0; t < order.length; t++) {
            order[t] = t;
        }
        it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(order, (p, q) -> Integer.compare(items[p], items[q]));
        int m = 0;
        for (int t = 0; t < order.length; t++) {
            int item = items[order[t]];
            double v = weights == null ? 1.0 : weights[order[t]];
            if (m > 0 && sorted[m - 1] == item) {
                w[m - 1] += v;
            } else {
                sorted[m] = item;
                w[m] = v;
                m++;
            }
        }
        return new History(Arrays.copyOf(sorted, m), Arrays.copyOf(w, m));
    }

    private void checkUser(int user) {
        if (user < 0 || user >= userCount) {
            throw new IndexOutOfBoundsException("user index " + user + " out of range [0, " + userCount + ")");
        }
    }

    private void checkItem(int item) {
        if (item < 0 || item >= itemCount) {
            throw new IndexOutOfBoundsException("item index " + item + " out of range [0, " + itemCount + ")");
        }
    }

    private static void checkN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
    }

    private Scratch newScratch() {
        return new Scratch(k, blockedItems.scratchLength());
    }

    @Override
    public String toString() {
        return "AlsRecommender[" + model + ", kernel=" + kernelName() + "]";
    }

    private record History(int[] items, double[] weights) {
    }

    private record UserSide(BlockedFactors blocked, double[] invNorm) {
    }

    /** Per-worker work space of {@link #recommendAll}. */
    private static final class Batch {
        final float[] queries;
        final TopKSelector[] selectors;
        final FilterCheck[] checks;
        final FilterCheck[] checkRefs;
        final float[] work;

        Batch(int k, int size, int workLength) {
            queries = new float[size * k];
            selectors = new TopKSelector[size];
            checks = new FilterCheck[size];
            checkRefs = new FilterCheck[size];
            for (int j = 0; j < size; j++) {
                selectors[j] = new TopKSelector(16);
                checks[j] = new FilterCheck();
            }
            work = new float[workLength];
        }
    }

    /** Per-thread work space. */
    private static final class Scratch {
        final TopKSelector selector = new TopKSelector(16);
        final FilterCheck check = new FilterCheck();
        final float[] query;
        final float[] blockScratch;
        final double[] a;
        final double[] b;
        final double[] row;
        final int[] self = new int[1];

        Scratch(int k, int blockScratchLength) {
            query = new float[k];
            blockScratch = new float[blockScratchLength];
            a = new double[k * k];
            b = new double[k];
            row = new double[k];
        }
    }
}
