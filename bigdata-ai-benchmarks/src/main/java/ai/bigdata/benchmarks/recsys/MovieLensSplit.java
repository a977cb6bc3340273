package ai.bigdata.benchmarks.recsys;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.recsys.DuplicatePolicy;
import ai.bigdata.recsys.GroupLensReader;
import ai.bigdata.recsys.InteractionSplit;
import ai.bigdata.recsys.InteractionSplitter;

/**
 * The MovieLens latest-small split the recsys benchmarks share: {@code movielens-small/ratings.csv} from the
 * benchmark data folder, cut by the recsys module's {@code InteractionSplitter.random(ratings, 0.2, 42)}
 * (80,003 train / 20,001 test rows of the 671-user, 100,004-rating release), so every side of a comparison fits and scores the same rows.
 */
public final class MovieLensSplit {
    /** The ratings file under the benchmark data folder (the runner lists a class as MISSING without it). */
    public static final String RATINGS = "movielens-small/ratings.csv";

    private MovieLensSplit() {
    }

    /** Reads the ratings and makes the split; fails naming the data folder when the file is absent. */
    public static InteractionSplit load() {
        return InteractionSplitter.random(GroupLensReader.builder(BenchData.file(RATINGS))
                .readInteractions(DuplicatePolicy.ERROR), 0.2, 42);
    }
}
