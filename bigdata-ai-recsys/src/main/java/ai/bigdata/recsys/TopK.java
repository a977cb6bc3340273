package ai.bigdata.recsys;

/**
 * Selects the {@code k} best of a score array with a bounded min-heap: higher score first, the smaller index
 * first among equal scores; the indices in {@code exclude[from..to)} (ascending) are skipped.
 */
final class TopK {
    private TopK() {
    }

    /** The selected indices, best first (fewer than k when fewer candidates remain). */
    static int[] select(float[] scores, int k, int[] exclude, int from, int to) {
        Arguments.atLeastOne("k", k);
        int[] heap = new int[Math.min(k, scores.length)];
        int size = 0;
        int e = from;
        for (int i = 0; i < scores.length; i++) {
            while (e < to && exclude[e] < i) {
                e++;
            }
            if (e < to && exclude[e] == i) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = i;
                up(heap, size++, scores);
            } else if (size > 0 && better(scores, i, heap[0])) {
                heap[0] = i;
                down(heap, size, scores);
            }
        }
        int[] out = new int[size];
        for (int n = size - 1; n >= 0; n--) {
            out[n] = heap[0];
            heap[0] = heap[--size];
            down(heap, size, scores);
        }
        return out;
    }

    /** Whether index a ranks before index b. */
    static boolean better(float[] s, int a, int b) {
        return s[a] > s[b] || s[a] == s[b] && a < b;
    }

    private static void up(int[] h, int pos, float[] s) {
        while (pos > 0) {
            int parent = (pos - 1) >> 1;
            if (better(s, h[parent], h[pos])) {
                int t = h[parent];
                h[parent] = h[pos];
                h[pos] = t;
                pos = parent;
            } else {
                return;
            }
        }
    }

    private static void down(int[] h, int size, float[] s) {
        int pos = 0;
        while (true) {
            int l = 2 * pos + 1;
            int r = l + 1;
            int worst = pos;
            if (l < size && better(s, h[worst], h[l])) {
                worst = l;
            }
            if (r < size && better(s, h[worst], h[r])) {
                worst = r;
            }
            if (worst == pos) {
                return;
            }
            int t = h[pos];
            h[pos] = h[worst];
            h[worst] = t;
            pos = worst;
        }
    }
}
