package ai.bigdata.benchmarks.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The baseline's ranking rule equals the recsys models': best first, ties by the smaller index, excluded items skipped. */
class ProductSortTopKTest {

    @Test
    void aRowIsSortedBestFirstTiesBySmallerIndexWithoutExcludedItems() {
        float[] scores = {1, 5, 3, 5, 2, 5, -1, -0f, 0f};
        assertThat(ProductSortTopK.row(scores, 0, scores.length, new int[0], 3)).containsExactly(1, 3, 5);
        assertThat(ProductSortTopK.row(scores, 0, scores.length, new int[] {1, 5}, 3)).containsExactly(3, 2, 4);
        assertThat(ProductSortTopK.row(scores, 0, 4, new int[] {0, 1, 2}, 10)).containsExactly(3);
        assertThat(ProductSortTopK.row(scores, 6, 3, new int[0], 3)).as("-0 ties with 0: the smaller index first")
                .containsExactly(1, 2, 0);
    }

    @Test
    void theProductOfFactorsRanksEachUsersUnseenItems() {
        try (OnThreads pool = new OnThreads(2)) {
            // items: (1, 0), (0, 1), (1, 1); users: (1, 0) and (0, 2)
            ProductSortTopK top = new ProductSortTopK(Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}, {1, 1}}),
                    new int[][] {{2}, {}}, pool);
            int[][] lists = top.topK(Nd4j.createFromArray(new float[][] {{1, 0}, {0, 2}}), 0, 2);
            assertThat(lists[0]).containsExactly(0, 1);
            assertThat(lists[1]).containsExactly(1, 2);
        }
        assertThatThrownBy(() -> new OnThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be at least 1");
    }
}
