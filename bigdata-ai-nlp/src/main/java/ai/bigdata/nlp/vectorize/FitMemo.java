package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.data.Dataset;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * The term ids of every document a vectoriser was fitted on, kept so that applying the fitted transform to
 * that same dataset (as {@code fit(train)} then {@code apply(train)} does) reads the ids instead of
 * tokenizing every text a second time: one tokenization, as scikit-learn's {@code fit_transform}. Recorded
 * only while the ids stay under {@link #MAX_IDS}; held softly (the garbage collector may take it) and
 * used at most once.
 */
final class FitMemo {
    /** The most term ids kept (4 bytes each). */
    static final int MAX_IDS = 1 << 25;

    private final WeakReference<Dataset> data;
    private final SoftReference<int[][]> ids;

    private FitMemo(Dataset data, int[][] ids) {
        this.data = new WeakReference<>(data);
        this.ids = new SoftReference<>(ids);
    }

    /** Vocabulary indices per document (-1 for a term outside the vocabulary), if {@code data} is the fitted dataset and the ids are still held. */
    int[][] idsFor(Dataset data) {
        int[][] held = ids.get();
        return this.data.get() == data && held != null && held.length == data.rowCount() ? held : null;
    }

    /** Records the counting ids of each document; {@link #finish} maps them to vocabulary indices. */
    static final class Recorder {
        private int[][] docs = new int[1024][];
        private int count;
        private long total;
        private boolean gaveUp;

        void add(int[] termIds) {
            if (gaveUp) {
                return;
            }
            total += termIds.length;
            if (total > MAX_IDS) {
                gaveUp = true;
                docs = null;
                return;
            }
            if (count == docs.length) {
                docs = Arrays.copyOf(docs, count * 2);
            }
            docs[count++] = termIds;
        }

        /** The memo of {@code data}, with counting id i read as {@code toVocabulary[i]}; null when recording gave up. */
        FitMemo finish(Dataset data, int[] toVocabulary) {
            if (gaveUp) {
                return null;
            }
            int[][] out = Arrays.copyOf(docs, count);
            for (int[] d : out) {
                for (int k = 0; k < d.length; k++) {
                    d[k] = toVocabulary[d[k]];
                }
            }
            return new FitMemo(data, out);
        }
    }
}
