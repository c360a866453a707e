package io.github.recsys.conversion.tree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Grows one tree on binned rows: the shared engine of CART, random forests and gradient boosting
 * (a building block, public for the ensemble package and benchmarks, not a stable API).
 *
 * <p><b>Algorithm</b> (the LightGBM recipe). The tree's rows sit in one index array; every node owns
 * a contiguous range of it, split by a stable, branch-free partition. When the training data is
 * larger than a cache (about 16 MB of codes plus statistics), the grower also keeps the rows' codes
 * and statistic pairs in node order, so that histogram building streams through memory instead of
 * gathering scattered rows (1.6x faster at 2M rows, 1.35x slower at 200K rows, where everything is
 * cached anyway); both paths give bit-identical trees. Node-ordered data lives in two buffer sets used
 * by alternate depths: a partition counts its left rows, then moves each row's data once, straight to
 * its final place in the other set (the root reads the caller's arrays when the tree has all rows in
 * order, so nothing is copied per tree). A node's candidate
 * splits come from a histogram of per-row statistic pairs (flat {@code double[]}, reused from a
 * pool): only the smaller child's histogram is built from its rows, the larger child's is the
 * parent's minus the smaller's (histogram subtraction, done in the parent's buffer). Nodes with
 * fewer than {@code histMinRows} rows skip histograms and scan their few rows per sampled column
 * instead (a per-column histogram or a sort of the codes). Partitions route codes through a
 * 256-entry left/right table. Nodes are
 * expanded best-gain-first while the number of leaves is bounded ({@code maxLeaves > 0}, leaf-wise
 * growth) and depth-first otherwise; without a leaf bound the tree is the same as level-by-level
 * (depth-wise) growth, since each node's split depends only on its own rows.
 *
 * <p><b>Parallelism</b>, when built with a pool and called from inside it. A node with at least
 * {@code 2 * HIST_BLOCK} rows builds its histogram in fixed blocks of rows, each into its own
 * buffer, then sums the buffers in block order; the blocks do not depend on the thread count (one
 * thread goes through the same blocks), so neither do the sums. Threads share out the blocks. Smaller
 * nodes are built in the calling thread (forking for them cost more than it saved). Partitions of
 * nodes with at least {@code PAR_MIN_PARTITION} rows run over fixed row ranges, in two passes (count
 * or locally partition each range, then move to the places given by the counts' prefix sums): a
 * stable partition is unique, so its result is the same as the sequential one. Leaf values are added
 * to scores over row ranges too. Trees are therefore bit-identical for every thread count. No
 * allocation per node once the workspace has grown to the tree's size.
 *
 * <p>Not thread-safe: one grower per thread; it keeps its workspace between trees.
 */
public final class TreeGrower {

    /** Eight codes at a time when moving rows between node-ordered arrays. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Data size ({@code rows * (p + 16)} bytes: codes plus statistic pairs) from which a grower keeps
     * node-ordered copies: above a cache's worth of data, streaming moved rows beats gathering
     * scattered ones; below, moving them costs more than it saves. Package-private and mutable only
     * so that tests can force either path on small data.
     */
    static volatile long orderedMinBytes = 16L << 20;

    /**
     * Rows per block of a blocked histogram build: nodes with at least two blocks' rows accumulate
     * each fixed block into its own buffer and sum the buffers in block order, whatever the thread
     * count (so the sums, and the trees, do not depend on it); blocks are shared out among threads.
     */
    private static final int HIST_BLOCK = 1 << 14;
    /** Rows below which a partition runs in the calling thread. */
    private static final int PAR_MIN_PARTITION = 1 << 14;

    private final BinnedFeatures data;
    private final byte[] codes;
    private final int n;
    private final int p;
    private final int[] offsets;
    private final int[] valueBins;
    private final boolean[] categorical;
    private final SplitFinder finder;
    private final int maxDepth;
    private final int maxLeaves;
    private final double minSplitWeight;
    private final double minGain;
    private final int featuresPerNode;
    private final int histMinRows;
    private final ForkJoinPool pool;
    private final int groups;

    // workspace
    private final int[] scratch;
    private final boolean ordered;
    private final int[] iota;
    private final byte[] ordCodes;
    private final byte[] tmpCodes;
    private final double[] ordStats;
    private final double[] tmpStats;
    // what the histogram and row-scan kernels read: node-ordered copies (ordered mode) or the
    // caller's arrays through the row index
    private byte[] hCodes;
    private int[] hRows;
    private double[] hStats;
    private final byte[] leftTable = new byte[256];
    // second scratch set for parallel partitions (right rows of each range), null without a pool
    private final int[] scratch2;
    // ordered mode: a node at depth d keeps its rows' codes and statistics in set (d & 1); a
    // partition moves them once, into the other set (both entries are the caller's arrays otherwise)
    private final byte[][] codeBuf = new byte[2][];
    private final double[][] statBuf = new double[2][];
    // the root's codes and statistics: the caller's arrays when the tree grows on all rows in order
    private byte[] rootCodes;
    private double[] rootStats;
    private byte[] pSrcCodes;
    private double[] pSrcStats;
    private byte[] pDstCodes;
    private double[] pDstStats;
    private double[][] hists = new double[8][];
    private double[][] blockHists = new double[0][];
    private int histCount;
    private int[] freeHists = new int[8];
    private int freeHistCount;
    private SplitCandidate[] cands = new SplitCandidate[8];
    private int candCount;
    private int[] freeCands = new int[8];
    private int freeCandCount;
    private int[] open = new int[16];
    private int openCount;
    private int[] nodeFeatures;

    // nodes
    private int nodeCap;
    private int nodeCount;
    private int[] nFeature;
    private int[] nBin;
    private boolean[] nDefaultLeft;
    private boolean[] nCategorical;
    private long[] nCats;
    private int[] nLeft;
    private int[] nRight;
    private double[] nValue;
    private double[] nGain;
    private double[] nA;
    private double[] nB;
    private int[] nStart;
    private int[] nCount;
    private int[] nDepth;
    private int[] nHist;
    private int[] nCand;

    // current call
    private int[] rows;
    private double[] stats;
    private int[] active;
    private int nActive;
    private SplittableRandom rng;

    private final Job[] jobs;
    private final int[] jobLeft;
    private int jobKind;
    private double[] jobHist;
    private int jobStart;
    private int jobCount;
    private int jobTotalLeft;
    private SplitCandidate jobSplit;
    private double[] jobScore;

    /**
     * A grower with its workspace sized for {@code data} (reused by every {@link #grow} call).
     *
     * @param data            binned training rows
     * @param finder          split finder (criterion, minimum child weight); owned by this grower
     * @param maxDepth        maximum depth (root = 0); &lt;= 0 for unlimited
     * @param maxLeaves       maximum leaves (best-first growth); &lt;= 0 for unlimited (depth-first)
     * @param minSplitWeight  a node needs at least this weight (second statistic) to be split
     * @param minGain         a split needs gain strictly above this
     * @param featuresPerNode columns drawn at random per node (random forests); &lt;= 0 for all active columns
     * @param pool            pool for within-tree parallelism, or null
     */
    public TreeGrower(BinnedFeatures data, SplitFinder finder, int maxDepth, int maxLeaves, double minSplitWeight,
                      double minGain, int featuresPerNode, ForkJoinPool pool) {
        this.data = data;
        this.codes = data.codes();
        this.n = data.rows();
        this.p = data.cols();
        this.offsets = data.offsetsArray();
        this.valueBins = data.valueBinsArray();
        this.categorical = data.categoricalArray();
        this.finder = finder;
        this.maxDepth = maxDepth <= 0 ? Integer.MAX_VALUE : maxDepth;
        this.maxLeaves = maxLeaves <= 0 ? 0 : maxLeaves;
        this.minSplitWeight = minSplitWeight;
        this.minGain = minGain;
        this.featuresPerNode = featuresPerNode;
        this.histMinRows = Math.max(32, Math.min(4096, data.totalBins() / 4));
        this.pool = pool != null && pool.getParallelism() > 1 ? pool : null;
        this.groups = this.pool == null ? 1 : this.pool.getParallelism();
        this.scratch = new int[data.rows()];
        this.ordered = (long) data.rows() * (p + 16) >= orderedMinBytes;
        if (ordered) {
            this.iota = new int[data.rows()];
            for (int i = 0; i < iota.length; i++) {
                iota[i] = i;
            }
            this.ordCodes = new byte[data.rows() * p];
            this.tmpCodes = new byte[data.rows() * p];
            this.ordStats = new double[2 * data.rows()];
            this.tmpStats = new double[2 * data.rows()];
        } else {
            this.iota = null;
            this.ordCodes = null;
            this.tmpCodes = null;
            this.ordStats = null;
            this.tmpStats = null;
        }
        this.scratch2 = this.pool == null ? null : new int[data.rows()];
        if (ordered) {
            codeBuf[0] = ordCodes;
            codeBuf[1] = tmpCodes;
            statBuf[0] = ordStats;
            statBuf[1] = tmpStats;
        }
        this.nodeFeatures = new int[p];
        this.jobs = new Job[groups];
        for (int t = 0; t < groups; t++) {
            jobs[t] = new Job(t);
        }
        this.jobLeft = new int[groups + 1];
        ensureNodes(64);
    }

    /**
     * Grows a tree over {@code rows[0..count)} (reordered in place: afterwards each leaf owns a
     * contiguous range). Results are read through {@link #toModel()} and {@link #addLeafValues}.
     *
     * @param rows     row indices (modified: permuted)
     * @param count    number of rows used, &gt;= 1
     * @param stats    per-row pairs {@code stats[2r], stats[2r+1]} (not modified)
     * @param active   columns that may be split, ascending (not modified)
     * @param nActive  number of entries of {@code active} used
     * @param rng      random source for per-node column sampling, or null when not sampling
     */
    public void grow(int[] rows, int count, double[] stats, int[] active, int nActive, SplittableRandom rng) {
        if (count < 1) {
            throw new IllegalArgumentException("a tree needs at least one row, was " + count);
        }
        this.rows = rows;
        this.stats = stats;
        this.active = active;
        this.nActive = nActive;
        this.rng = rng;
        nodeCount = 0;
        openCount = 0;
        freeHistCount = 0;
        for (int h = histCount - 1; h >= 0; h--) {
            freeHists[freeHistCount++] = h;
        }
        freeCandCount = 0;
        for (int c = candCount - 1; c >= 0; c--) {
            freeCands[freeCandCount++] = c;
        }
        if (ordered) {
            if (gather(count)) {
                rootCodes = codes;
                rootStats = stats;
            } else {
                rootCodes = ordCodes;
                rootStats = ordStats;
            }
            hCodes = rootCodes;
            hRows = iota;
            hStats = rootStats;
        } else {
            hCodes = codes;
            hRows = rows;
            hStats = stats;
            codeBuf[0] = codes;
            codeBuf[1] = codes;
            statBuf[0] = stats;
            statBuf[1] = stats;
            rootCodes = codes;
            rootStats = stats;
        }
        double a = 0;
        double b = 0;
        for (int i = 0; i < count; i++) {
            int r = hRows[i];
            a += hStats[2 * r];
            b += hStats[2 * r + 1];
        }
        finder.setRootWeight(b);
        int root = newNode(0, count, 0, a, b);
        if (canSplit(root)) {
            if (count >= histMinRows) {
                int h = acquireHist();
                nHist[root] = h;
                build(hists[h], 0, count);
            }
            evaluate(root);
        }
        int leaves = 1;
        while (openCount > 0 && (maxLeaves == 0 || leaves < maxLeaves)) {
            int k = openCount - 1;
            if (maxLeaves > 0) {
                for (int i = openCount - 2; i >= 0; i--) {
                    int ni = open[i];
                    int nk = open[k];
                    double gi = cands[nCand[ni]].gain;
                    double gk = cands[nCand[nk]].gain;
                    if (gi > gk || (gi == gk && ni < nk)) {
                        k = i;
                    }
                }
            }
            int node = open[k];
            open[k] = open[--openCount];
            if (maxLeaves == 0) {
                // keep LIFO order intact: k was the last entry, nothing moved
                assert k == openCount;
            }
            split(node);
            leaves++;
        }
        // release what is left open (leaf bound reached)
        for (int i = 0; i < openCount; i++) {
            int node = open[i];
            releaseCand(node);
            releaseHist(node);
        }
        openCount = 0;
        this.rows = null;
        this.stats = null;
        this.hRows = null;
        this.hStats = null;
        this.hCodes = null;
        this.rootCodes = null;
        this.rootStats = null;
        if (!ordered) {
            codeBuf[0] = null;
            codeBuf[1] = null;
            statBuf[0] = null;
            statBuf[1] = null;
        }
        this.active = null;
        this.rng = null;
    }

    /** Copies one row of p codes (non-overlapping ranges). */
    private void copyCodes(byte[] from, int src, byte[] to, int dst) {
        int q = 0;
        for (; q + 8 <= p; q += 8) {
            LONGS.set(to, dst + q, (long) LONGS.get(from, src + q));
        }
        for (; q < p; q++) {
            to[dst + q] = from[src + q];
        }
    }

    /**
     * Copies the tree's rows (codes and statistics) into node order, position i = rows[i], unless
     * the rows are 0..count-1 in order (then returns true: the caller's arrays serve as they are).
     */
    private boolean gather(int count) {
        boolean identity = true;
        for (int i = 0; i < count; i++) {
            if (rows[i] != i) {
                identity = false;
                break;
            }
        }
        if (identity) {
            return true;
        }
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            ordStats[2 * i] = stats[2 * r];
            ordStats[2 * i + 1] = stats[2 * r + 1];
            copyCodes(codes, r * p, ordCodes, i * p);
        }
        return false;
    }

    private boolean canSplit(int node) {
        double b = nB[node];
        return nDepth[node] < maxDepth && nCount[node] >= 2 && b >= minSplitWeight
                && b >= 2 * finder.minChildWeight() && !finder.isPure(nA[node], b);
    }

    private void evaluate(int node) {
        int ci = acquireCand();
        SplitCandidate cand = cands[ci];
        cand.reset(minGain);
        int[] feats = active;
        int nf = nActive;
        if (featuresPerNode > 0 && featuresPerNode < nActive && rng != null) {
            System.arraycopy(active, 0, nodeFeatures, 0, nActive);
            for (int i = 0; i < featuresPerNode; i++) {
                int j = i + rng.nextInt(nActive - i);
                int t = nodeFeatures[i];
                nodeFeatures[i] = nodeFeatures[j];
                nodeFeatures[j] = t;
            }
            Arrays.sort(nodeFeatures, 0, featuresPerNode);
            feats = nodeFeatures;
            nf = featuresPerNode;
        }
        int h = nHist[node];
        useBuffers(nDepth[node]);
        if (h >= 0) {
            double[] hist = hists[h];
            for (int k = 0; k < nf; k++) {
                int j = feats[k];
                finder.evaluateHistogram(j, categorical[j], valueBins[j], hist, offsets[j], cand);
            }
        } else {
            int from = nStart[node];
            int to = from + nCount[node];
            for (int k = 0; k < nf; k++) {
                int j = feats[k];
                finder.evaluateRows(j, categorical[j], valueBins[j], hCodes, p, j, hRows, from, to, hStats, cand);
            }
        }
        if (cand.isValid()) {
            nCand[node] = ci;
            if (openCount == open.length) {
                open = Arrays.copyOf(open, open.length * 2);
            }
            open[openCount++] = node;
        } else {
            freeCands[freeCandCount++] = ci;
            releaseHist(node);
        }
    }

    private void split(int node) {
        int ci = nCand[node];
        SplitCandidate c = cands[ci];
        int start = nStart[node];
        int count = nCount[node];
        int f = c.feature;
        int depth = nDepth[node] + 1;
        int nl = partition(start, count, c, depth - 1, depth < maxDepth);
        nFeature[node] = f;
        nBin[node] = c.bin;
        nDefaultLeft[node] = c.defaultLeft;
        nCategorical[node] = c.categorical;
        System.arraycopy(c.categories, 0, nCats, node * 4, 4);
        nGain[node] = c.gain;
        double la = c.leftA;
        double lb = c.leftB;
        double ra = c.rightA;
        double rb = c.rightB;
        releaseCand(node);
        int l = newNode(start, nl, depth, la, lb);
        int r = newNode(start + nl, count - nl, depth, ra, rb);
        nLeft[node] = l;
        nRight[node] = r;
        int ph = nHist[node];
        nHist[node] = -1;
        boolean ls = canSplit(l);
        boolean rs = canSplit(r);
        int small = nl <= count - nl ? l : r;
        int large = small == l ? r : l;
        boolean smallSplit = small == l ? ls : rs;
        boolean largeSplit = small == l ? rs : ls;
        useBuffers(depth);
        if (ph >= 0) {
            if (largeSplit && nCount[large] >= histMinRows) {
                int sh = acquireHist();
                build(hists[sh], nStart[small], nCount[small]);
                subtract(hists[ph], hists[sh]);
                nHist[large] = ph;
                nHist[small] = sh;
            } else if (smallSplit && nCount[small] >= histMinRows) {
                nHist[small] = ph;
                build(hists[ph], nStart[small], nCount[small]);
            } else {
                freeHists[freeHistCount++] = ph;
            }
        }
        if (ls) {
            evaluate(l);
        } else {
            releaseHist(l);
        }
        if (rs) {
            evaluate(r);
        } else {
            releaseHist(r);
        }
    }

    // ------------------------------------------------------------------ kernels with optional parallelism

    private void build(double[] hist, int start, int count) {
        if (count < 2 * HIST_BLOCK) {
            HistogramBuilder.clear(offsets, active, 0, nActive, hist);
            HistogramBuilder.accumulate(hCodes, p, offsets, hRows, start, start + count, hStats, active, 0, nActive,
                    hist);
            return;
        }
        int blocks = (count + HIST_BLOCK - 1) / HIST_BLOCK;
        if (blockHists.length < blocks) {
            int old = blockHists.length;
            blockHists = Arrays.copyOf(blockHists, blocks);
            for (int b = old; b < blocks; b++) {
                blockHists[b] = new double[2 * data.totalBins()];
            }
        }
        if (pool != null && ForkJoinTask.inForkJoinPool()) {
            runJobs(0, hist, start, count, null);
        } else {
            for (int b = 0; b < blocks; b++) {
                buildBlock(b, start, count);
            }
        }
        // block-ordered sum: the same additions in the same order for every thread count
        for (int k = 0; k < nActive; k++) {
            int j = active[k];
            int s0 = offsets[j] << 1;
            int s1 = offsets[j + 1] << 1;
            System.arraycopy(blockHists[0], s0, hist, s0, s1 - s0);
            for (int b = 1; b < blocks; b++) {
                double[] bh = blockHists[b];
                for (int s = s0; s < s1; s++) {
                    hist[s] += bh[s];
                }
            }
        }
    }

    /** Accumulates block {@code b} of the node's rows into its own buffer. */
    private void buildBlock(int b, int start, int count) {
        double[] bh = blockHists[b];
        int from = start + b * HIST_BLOCK;
        int to = Math.min(start + count, from + HIST_BLOCK);
        HistogramBuilder.clear(offsets, active, 0, nActive, bh);
        HistogramBuilder.accumulate(hCodes, p, offsets, hRows, from, to, hStats, active, 0, nActive, bh);
    }

    private void subtract(double[] parent, double[] child) {
        HistogramBuilder.subtract(offsets, active, 0, nActive, parent, child);
    }

    /** Points the kernels at the codes and statistics of nodes at {@code depth}. */
    private void useBuffers(int depth) {
        hCodes = depth == 0 ? rootCodes : codeBuf[depth & 1];
        hStats = depth == 0 ? rootStats : statBuf[depth & 1];
    }

    /**
     * Stable partition of positions [start, start+count) of a node at {@code depth} by the split. In
     * ordered mode, when {@code moveData} (children that may be split again need their rows' data),
     * the codes and statistics are moved once into the other buffer set, at their final positions.
     */
    private int partition(int start, int count, SplitCandidate c, int depth, boolean moveData) {
        int f = c.feature;
        int missing = valueBins[f];
        for (int code = 0; code < 256; code++) {
            leftTable[code] = code <= missing && c.goesLeft(code, missing) ? (byte) 1 : (byte) 0;
        }
        boolean par = pool != null && count >= PAR_MIN_PARTITION && ForkJoinTask.inForkJoinPool();
        pSrcCodes = depth == 0 ? rootCodes : codeBuf[depth & 1];
        pSrcStats = depth == 0 ? rootStats : statBuf[depth & 1];
        if (!ordered || !moveData) {
            if (par) {
                runJobs(1, null, start, count, c);
                int total = prefixLeft();
                runJobs(2, null, start, count, c);
                return total;
            }
            byte[] lut = leftTable;
            // ordered mode: position i's codes; otherwise row r's codes
            byte[] oc = pSrcCodes;
            int[] idx = ordered ? iota : rows;
            int w = start;
            int k = 0;
            int end = start + count;
            for (int i = start; i < end; i++) {
                int l = lut[oc[idx[i] * p + f] & 0xFF];
                int r = rows[i];
                rows[w] = r;
                scratch[k] = r;
                w += l;
                k += 1 - l;
            }
            System.arraycopy(scratch, 0, rows, w, k);
            return w - start;
        }
        pDstCodes = codeBuf[(depth + 1) & 1];
        pDstStats = statBuf[(depth + 1) & 1];
        int total;
        if (par) {
            runJobs(3, null, start, count, c);
            total = prefixLeft();
            runJobs(4, null, start, count, c);
            runJobs(5, null, start, count, c);
        } else {
            total = countLeft(f, start, start + count);
            scatter(f, start, start + count, start, start + total);
            System.arraycopy(scratch, start, rows, start, count);
        }
        return total;
    }

    /** Turns the per-range left counts into offsets; returns the total. */
    private int prefixLeft() {
        int total = 0;
        for (int t = 0; t < groups; t++) {
            int v = jobLeft[t];
            jobLeft[t] = total;
            total += v;
        }
        jobLeft[groups] = total;
        jobTotalLeft = total;
        return total;
    }

    /** Number of positions in [from, to) going left (ordered mode, source buffers). */
    private int countLeft(int f, int from, int to) {
        byte[] lut = leftTable;
        byte[] oc = pSrcCodes;
        int left = 0;
        for (int i = from; i < to; i++) {
            left += lut[oc[i * p + f] & 0xFF];
        }
        return left;
    }

    /**
     * Moves positions [from, to) to their places in the destination buffers (left ones from
     * {@code li}, right ones from {@code ri}, in order) and their row ids to {@code scratch}.
     */
    private void scatter(int f, int from, int to, int li, int ri) {
        byte[] lut = leftTable;
        byte[] sc = pSrcCodes;
        double[] ss = pSrcStats;
        byte[] dc = pDstCodes;
        double[] ds = pDstStats;
        int[] rs = rows;
        int[] out = scratch;
        for (int i = from; i < to; i++) {
            int src = i * p;
            int l = lut[sc[src + f] & 0xFF];
            int d = ri + l * (li - ri);
            out[d] = rs[i];
            ds[2 * d] = ss[2 * i];
            ds[2 * d + 1] = ss[2 * i + 1];
            copyCodes(sc, src, dc, d * p);
            li += l;
            ri += 1 - l;
        }
    }

    private void runJobs(int kind, double[] hist, int start, int count, SplitCandidate c) {
        jobKind = kind;
        jobHist = hist;
        jobStart = start;
        jobCount = count;
        jobSplit = c;
        for (Job j : jobs) {
            j.reinitialize();
        }
        ForkJoinTask.invokeAll(jobs);
        jobHist = null;
        jobSplit = null;
    }

    private final class Job extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final int t;

        Job(int t) {
            this.t = t;
        }

        @Override
        protected void compute() {
            int g = groups;
            if (jobKind == 0) {
                int blocks = (jobCount + HIST_BLOCK - 1) / HIST_BLOCK;
                for (int b = t; b < blocks; b += g) {
                    buildBlock(b, jobStart, jobCount);
                }
                return;
            }
            int from = jobStart + (int) ((long) t * jobCount / g);
            int to = jobStart + (int) ((long) (t + 1) * jobCount / g);
            if (jobKind == 6) {
                addLeafValues(rows, jobScore, from, to);
                return;
            }
            int f = jobSplit.feature;
            if (jobKind == 3) {
                jobLeft[t] = countLeft(f, from, to);
                return;
            }
            if (jobKind == 4) {
                int lp = jobLeft[t];
                scatter(f, from, to, jobStart + lp, jobStart + jobTotalLeft + (from - jobStart - lp));
                return;
            }
            if (jobKind == 5) {
                System.arraycopy(scratch, from, rows, from, to - from);
                return;
            }
            byte[] lut = leftTable;
            byte[] oc = pSrcCodes;
            int[] idx = ordered ? iota : rows;
            if (jobKind == 1) {
                // stable local partition of the range: left rows to the first scratch array, right
                // rows to the second, both from position `from` (branch-free: each row is written to both)
                int li = from;
                int ri = from;
                for (int i = from; i < to; i++) {
                    int l = lut[oc[idx[i] * p + f] & 0xFF];
                    int r = rows[i];
                    scratch[li] = r;
                    scratch2[ri] = r;
                    li += l;
                    ri += 1 - l;
                }
                jobLeft[t] = li - from;
            } else {
                // move the range's left and right runs to their final places
                int lp = jobLeft[t];
                int nl = jobLeft[t + 1] - lp;
                int nr = (to - from) - nl;
                System.arraycopy(scratch, from, rows, jobStart + lp, nl);
                System.arraycopy(scratch2, from, rows, jobStart + jobTotalLeft + (from - jobStart - lp), nr);
            }
        }
    }

    // ------------------------------------------------------------------ pools and node storage

    private int acquireHist() {
        if (freeHistCount > 0) {
            return freeHists[--freeHistCount];
        }
        if (histCount == hists.length) {
            hists = Arrays.copyOf(hists, histCount * 2);
            freeHists = Arrays.copyOf(freeHists, histCount * 2);
        }
        hists[histCount] = new double[2 * data.totalBins()];
        return histCount++;
    }

    private void releaseHist(int node) {
        int h = nHist[node];
        if (h >= 0) {
            freeHists[freeHistCount++] = h;
            nHist[node] = -1;
        }
    }

    private int acquireCand() {
        if (freeCandCount > 0) {
            return freeCands[--freeCandCount];
        }
        if (candCount == cands.length) {
            cands = Arrays.copyOf(cands, candCount * 2);
            freeCands = Arrays.copyOf(freeCands, candCount * 2);
        }
        cands[candCount] = new SplitCandidate();
        return candCount++;
    }

    private void releaseCand(int node) {
        int c = nCand[node];
        if (c >= 0) {
            freeCands[freeCandCount++] = c;
            nCand[node] = -1;
        }
    }

    private int newNode(int start, int count, int depth, double a, double b) {
        if (nodeCount == nodeCap) {
            ensureNodes(nodeCap * 2);
        }
        int k = nodeCount++;
        nFeature[k] = -1;
        nBin[k] = 0;
        nDefaultLeft[k] = false;
        nCategorical[k] = false;
        nCats[4 * k] = 0;
        nCats[4 * k + 1] = 0;
        nCats[4 * k + 2] = 0;
        nCats[4 * k + 3] = 0;
        nLeft[k] = -1;
        nRight[k] = -1;
        nA[k] = a;
        nB[k] = b;
        nValue[k] = finder.leafValue(a, b);
        nGain[k] = 0;
        nStart[k] = start;
        nCount[k] = count;
        nDepth[k] = depth;
        nHist[k] = -1;
        nCand[k] = -1;
        return k;
    }

    private void ensureNodes(int cap) {
        if (cap <= nodeCap) {
            return;
        }
        nFeature = grow(nFeature, cap);
        nBin = grow(nBin, cap);
        nDefaultLeft = nDefaultLeft == null ? new boolean[cap] : Arrays.copyOf(nDefaultLeft, cap);
        nCategorical = nCategorical == null ? new boolean[cap] : Arrays.copyOf(nCategorical, cap);
        nCats = nCats == null ? new long[4 * cap] : Arrays.copyOf(nCats, 4 * cap);
        nLeft = grow(nLeft, cap);
        nRight = grow(nRight, cap);
        nValue = grow(nValue, cap);
        nGain = grow(nGain, cap);
        nA = grow(nA, cap);
        nB = grow(nB, cap);
        nStart = grow(nStart, cap);
        nCount = grow(nCount, cap);
        nDepth = grow(nDepth, cap);
        nHist = grow(nHist, cap);
        nCand = grow(nCand, cap);
        nodeCap = cap;
    }

    private static int[] grow(int[] a, int cap) {
        return a == null ? new int[cap] : Arrays.copyOf(a, cap);
    }

    private static double[] grow(double[] a, int cap) {
        return a == null ? new double[cap] : Arrays.copyOf(a, cap);
    }

    // ------------------------------------------------------------------ results

    /** Number of nodes of the last grown tree. */
    public int nodeCount() {
        return nodeCount;
    }

    /**
     * Adds each leaf's value to {@code score[r]} for the rows the tree was grown on (using the leaf
     * ranges of the permuted row array, no traversal).
     *
     * @param rows  the row array passed to {@link #grow} (as permuted by it)
     * @param score per-row scores indexed by row id (modified)
     */
    public void addLeafValues(int[] rows, double[] score) {
        int total = nCount[0];
        if (nodeCount > 0 && pool != null && total >= PAR_MIN_PARTITION && ForkJoinTask.inForkJoinPool()) {
            // each row gets exactly one addition, so splitting the positions changes nothing
            this.rows = rows;
            jobScore = score;
            runJobs(6, null, 0, total, null);
            jobScore = null;
            this.rows = null;
            return;
        }
        addLeafValues(rows, score, 0, total);
    }

    /** Adds leaf values to the rows at positions [from, to) of {@code rows}. */
    private void addLeafValues(int[] rows, double[] score, int from, int to) {
        for (int k = 0; k < nodeCount; k++) {
            if (nFeature[k] < 0) {
                double v = nValue[k];
                int end = Math.min(to, nStart[k] + nCount[k]);
                for (int i = Math.max(from, nStart[k]); i < end; i++) {
                    score[rows[i]] += v;
                }
            }
        }
    }

    /**
     * Writes each grown row's leaf value to {@code out[r]} (rows outside the tree untouched), using
     * the leaf ranges; rows grown with zero statistics ("passive" rows) get the leaf they fall in,
     * which is how random forests score out-of-bag rows without traversing the tree.
     *
     * @param rows the row array passed to {@link #grow} (as permuted by it)
     * @param out  per-row output indexed by row id (modified)
     */
    public void leafValues(int[] rows, double[] out) {
        for (int k = 0; k < nodeCount; k++) {
            if (nFeature[k] < 0) {
                double v = nValue[k];
                int end = nStart[k] + nCount[k];
                for (int i = nStart[k]; i < end; i++) {
                    out[rows[i]] = v;
                }
            }
        }
    }

    /** The last grown tree as an immutable model (thresholds mapped back to raw values). */
    public TreeModel toModel() {
        return TreeModel.fromGrower(data, nodeCount, nFeature, nBin, nDefaultLeft, nCategorical, nCats, nLeft, nRight,
                nValue, nGain, nB);
    }
}
