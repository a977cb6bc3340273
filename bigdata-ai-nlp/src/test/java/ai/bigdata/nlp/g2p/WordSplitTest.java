package ai.bigdata.nlp.g2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The held-out split by word. */
class WordSplitTest {
    static List<Pronunciation> entries() {
        List<Pronunciation> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            out.add(new Pronunciation("W" + i, List.of("AH"), 2L * i + 1));
            if (i % 3 == 0) {
                out.add(new Pronunciation("W" + i, List.of("EH"), 2L * i + 2));  // an alternate of the same word
            }
        }
        return out;
    }

    @Test
    void holdsOutTenPercentOfWordsWithAllTheirPronunciations() {
        WordSplit s = WordSplit.of(entries(), 0.1, 42);
        Set<String> testWords = new HashSet<>(s.test().stream().map(Pronunciation::word).toList());
        Set<String> trainWords = new HashSet<>(s.train().stream().map(Pronunciation::word).toList());
        assertThat(testWords).hasSize(20);
        assertThat(trainWords).hasSize(180).doesNotContainAnyElementsOf(testWords);
        assertThat(s.train().size() + s.test().size()).isEqualTo(entries().size());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        assertThat(WordSplit.of(entries(), 0.1, 42).test()).isEqualTo(WordSplit.of(entries(), 0.1, 42).test());
        assertThat(WordSplit.of(entries(), 0.1, 42).test()).isNotEqualTo(WordSplit.of(entries(), 0.1, 43).test());
    }

    @Test
    void writesTheWordList(@TempDir Path dir) throws IOException {
        WordSplit s = WordSplit.of(entries(), 0.1, 42);
        s.write(dir.resolve("split.tsv"));
        List<String> lines = Files.readAllLines(dir.resolve("split.tsv"));
        assertThat(lines.get(0)).isEqualTo("part\tword\tline");
        assertThat(lines).hasSize(1 + entries().size());
        Pronunciation first = s.test().get(0);
        assertThat(lines).contains("test\t" + first.word() + "\t" + first.line());
    }
}
