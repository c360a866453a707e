package io.github.recsys.conversion.metrics;

/** Stable index sort by a double key (package-private helper; allocation is two int arrays). */
final class IndexSort {

    private IndexSort() {
    }

    /**
     * Indices {@code 0..n-1} ordered by {@code key} descending; equal keys keep index order
     * (stable merge sort, O(n log n)).
     */
    static int[] descending(double[] key) {
        int n = key.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        // bottom-up merge sort; runs of width w are merged from a into b, then swapped
        for (int w = 1; w < n; w <<= 1) {
            for (int lo = 0; lo < n; lo += w << 1) {
                int mid = Math.min(lo + w, n);
                int hi = Math.min(lo + (w << 1), n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    // take from the right run only when strictly larger: keeps stability
                    if (key[a[j]] > key[a[i]]) {
                        b[k++] = a[j++];
                    } else {
                        b[k++] = a[i++];
                    }
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
