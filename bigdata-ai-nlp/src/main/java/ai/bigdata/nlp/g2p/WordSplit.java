package ai.bigdata.nlp.g2p;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded held-out split of pronunciations by word: the distinct base spellings are sorted, shuffled
 * with {@code java.util.Random(seed)}, and the first {@code round(testFraction * words)} are held out.
 * Every pronunciation of a word (its alternates under {@link Alternates#ALL}) goes to the same part, so
 * no spelling is in both. {@link #write} saves the word list so anyone can rebuild the split.
 *
 * @param train the training pronunciations, in input order
 * @param test the held-out pronunciations, in input order
 * @param seed the shuffle's seed
 */
public record WordSplit(List<Pronunciation> train, List<Pronunciation> test, long seed) {
    /** Copies the lists. */
    public WordSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * Splits {@code entries}.
     *
     * @throws IllegalArgumentException when {@code testFraction} is not in (0, 1)
     */
    public static WordSplit of(List<Pronunciation> entries, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        List<String> words = new ArrayList<>(new TreeSet<>(entries.stream().map(Pronunciation::word).toList()));
        Collections.shuffle(words, new Random(seed));
        Set<String> held = new HashSet<>(words.subList(0, (int) Math.round(testFraction * words.size())));
        List<Pronunciation> train = new ArrayList<>();
        List<Pronunciation> test = new ArrayList<>();
        for (Pronunciation p : entries) {
            (held.contains(p.word()) ? test : train).add(p);
        }
        return new WordSplit(train, test, seed);
    }

    /**
     * Writes the split as a tab-separated list, one line per pronunciation: {@code part} ({@code train} or
     * {@code test}), the word, and the line of the dictionary it came from; a header line first.
     */
    public void write(Path file) {
        StringBuilder s = new StringBuilder("part\tword\tline\n");
        for (Pronunciation p : train) {
            s.append("train\t").append(p.word()).append('\t').append(p.line()).append('\n');
        }
        for (Pronunciation p : test) {
            s.append("test\t").append(p.word()).append('\t').append(p.line()).append('\n');
        }
        try {
            Files.writeString(file, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the split to " + file, e);
        }
    }
}
