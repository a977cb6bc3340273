package ai.bigdata.nlp.vectorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Terms handed as strings and as ranges of a text land on the same ids and counts. */
class TermCountsTest {
    @Test
    void rangesAndStringsOfTheSameTermShareOneId() {
        TermCounts counts = new TermCounts();
        String text = "Hello WORLD it's 42 hello";
        TermCounts.DocumentSink first = counts.document();
        first.accept(text, 0, 5, true);     // hello
        first.accept(text, 6, 11, true);    // world
        first.accept(text, 12, 16, false);  // it's
        first.accept("<number>");
        first.accept(text, 20, 25, true);   // hello
        assertThat(first.ids()).containsExactly(0, 1, 2, 3, 0);
        int[] second = counts.addDocument(List.of("world", "hello", "new"));
        assertThat(second).containsExactly(1, 0, 4);
        TermCounts.DocumentSink third = counts.document();
        third.accept(text, 6, 11, false);   // WORLD: another term, case kept
        assertThat(third.ids()).containsExactly(5);

        assertThat(counts.id("hello")).isZero();
        assertThat(counts.id("it's")).isEqualTo(2);
        assertThat(counts.id("WORLD")).isEqualTo(5);
        assertThat(counts.term(1)).isEqualTo("world");
        assertThat(counts.total(0)).isEqualTo(3);
        assertThat(counts.documentCount(0)).isEqualTo(2);
        assertThat(counts.documentCount(1)).isEqualTo(2);
        assertThat(counts.documents()).isEqualTo(3);

        String longer = "Internationalisation of 12345678 and 123456789";   // 20, 8 and 9 characters
        TermCounts.DocumentSink fourth = counts.document();
        fourth.accept(longer, 0, 20, true);
        fourth.accept(longer, 24, 32, true);
        fourth.accept(longer, 37, 46, true);
        assertThat(fourth.ids()).containsExactly(6, 7, 8);
        assertThat(counts.addDocument(List.of("123456789", "internationalisation", "12345678", "café", "cafe")))
                .containsExactly(8, 6, 7, 9, 10);
        assertThat(counts.id("internationalisation")).isEqualTo(6);
        assertThat(counts.id("Internationalisation")).isEqualTo(-1);
        assertThat(counts.id("café")).isEqualTo(9);
    }

    @Test
    void manyRangeTermsSurviveTheTableGrowing() {
        TermCounts counts = new TermCounts();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append("W").append(Integer.toString(i, 36).toUpperCase(java.util.Locale.ROOT)).append(' ');
        }
        String text = b.toString();
        TermCounts.DocumentSink sink = counts.document();
        int from = 0;
        for (int i = 0; i < 5000; i++) {
            int to = text.indexOf(' ', from);
            sink.accept(text, from, to, true);
            from = to + 1;
        }
        assertThat(sink.ids()).hasSize(5000);
        assertThat(counts.size()).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(counts.id("w" + Integer.toString(i, 36))).isEqualTo(i);
        }
    }
}
