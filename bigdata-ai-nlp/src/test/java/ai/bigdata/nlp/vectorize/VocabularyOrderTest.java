package ai.bigdata.nlp.vectorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vocabulary's term order is code-point order (Python's), also where UTF-16 order differs. */
class VocabularyOrderTest {
    @Test
    void ordersByCodePointIncludingSurrogatePairs() {
        // U+FF5E (one unit, 0xFF5E) sorts after U+1F600 (0xD83D 0xDE00) in UTF-16 but before it by code point
        assertThat(Vocabulary.CODE_POINT_ORDER.compare("a\uFF5E", "a\uD83D\uDE00")).isNegative();
        assertThat("a\uFF5E".compareTo("a\uD83D\uDE00")).isPositive();
        String alphabet = "ab\u00e9\uFF5E\uD83D\uDE00\uD83D\uDE01\u4e2d";
        int[] points = alphabet.codePoints().toArray();
        Random rnd = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String x = random(rnd, points);
            String y = random(rnd, points);
            int expected = Integer.signum(Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray()));
            assertThat(Integer.signum(Vocabulary.CODE_POINT_ORDER.compare(x, y))).as(x + " vs " + y).isEqualTo(expected);
        }
    }

    @Test
    void sortingTakesTheFastOrderOnlyWhereItEqualsCodePointOrder() {
        Random rnd = new Random(4);
        for (String alphabet : new String[] {"ab\u00e9\u4e2d\uFF5E", "ab\u00e9\uFF5E\uD83D\uDE00\uD83D\uDE01\u4e2d"}) {
            int[] points = alphabet.codePoints().toArray();
            java.util.List<String> terms = new java.util.ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                terms.add(random(rnd, points));
            }
            java.util.List<String> expected = new java.util.ArrayList<>(terms);
            expected.sort(Vocabulary.CODE_POINT_ORDER);
            Vocabulary.sortByCodePoint(terms);
            assertThat(terms).isEqualTo(expected);
        }
    }

    private static String random(Random rnd, int[] points) {
        StringBuilder s = new StringBuilder();
        for (int k = rnd.nextInt(5); k > 0; k--) {
            s.appendCodePoint(points[rnd.nextInt(points.length)]);
        }
        return s.toString();
    }
}
