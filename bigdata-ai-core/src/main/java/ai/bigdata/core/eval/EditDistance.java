package ai.bigdata.core.eval;

/**
 * The Levenshtein distance between two id sequences: the fewest insertions, deletions and substitutions
 * of one id that turn the prediction into the reference (each costs 1). Two rows of the dynamic
 * programme, O(n m) time, O(m) memory.
 */
public final class EditDistance {
    private EditDistance() {
    }

    /** The fewest single-id edits that turn {@code predicted} into {@code reference}. */
    public static int between(int[] reference, int[] predicted) {
        int m = predicted.length;
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= reference.length; i++) {
            current[0] = i;
            for (int j = 1; j <= m; j++) {
                int substitute = previous[j - 1] + (reference[i - 1] == predicted[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[m];
    }
}
