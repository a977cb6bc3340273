package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values printed by NumPy 2.4 ({@code numpy.random.RandomState(seed)}) on this machine. */
class NumpyPermutationTest {
    @Test
    void rawStreamMatchesMt19937() {
        // RandomState(42).randint(0, 2**32, size=3, dtype=np.uint64) -> [1608637542, 3421126067, 4083286876]
        NumpyPermutation g = NumpyPermutation.generator(42);
        assertThat(new long[] {g.next(), g.next(), g.next()}).containsExactly(1608637542L, 3421126067L, 4083286876L);
    }

    @Test
    void permutationsMatchNumpy() {
        // RandomState(42).permutation(10) -> [8, 1, 5, 0, 7, 2, 9, 4, 3, 6]; RandomState(7).permutation(5) -> [0, 3, 2, 1, 4]
        assertThat(NumpyPermutation.permutation(42, 10)).containsExactly(8, 1, 5, 0, 7, 2, 9, 4, 3, 6);
        assertThat(NumpyPermutation.permutation(7, 5)).containsExactly(0, 3, 2, 1, 4);
        // RandomState(42).permutation(100004)[:8] (the MovieLens latest-small split of the Python baselines)
        assertThat(Arrays.copyOf(NumpyPermutation.permutation(42, 100_004), 8))
                .containsExactly(19090, 99678, 18455, 35755, 66536, 58156, 45934, 67241);
        assertThatThrownBy(() -> NumpyPermutation.permutation(-1, 3)).hasMessageContaining("0..2^32-1");
    }

    @Test
    void scikitLearnSplitTakesTheCeilingOfTheTestShare() {
        // 10 rows, test_size 0.25 -> ceil(2.5) = 3 test rows: permutation(10)[:3] = rows 8, 1, 5
        long[] ids = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Interactions x = Interactions.pairs(ids, ids, DuplicatePolicy.ERROR);
        InteractionSplit s = InteractionSplitter.scikitLearn(x, 0.25, 42);
        assertThat(s.test().distinctUsers()).containsExactly(1, 5, 8);
        assertThat(s.train().size()).isEqualTo(7);
    }
}
