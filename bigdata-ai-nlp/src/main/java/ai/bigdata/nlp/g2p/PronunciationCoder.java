package ai.bigdata.nlp.g2p;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Preprocessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The preprocessing step of grapheme-to-phoneme data: {@link #fit} learns the letters of the (upper-cased)
 * spellings and the phonemes of the pronunciations, each in code-point order, and returns the
 * {@link PronunciationCodes} that write the id columns. Columns hold up to {@link #maxLetters(int)}
 * letters and {@link #maxPhonemes(int)} phonemes (default 48 each, above cmudict's longest, 34 and 32;
 * the encoder-decoder cuts each batch to its longest sequence, so wide columns cost nothing in training).
 */
public final class PronunciationCoder implements Preprocessor {
    private final PronunciationColumns columns;
    private int maxLetters = 48;
    private int maxPhonemes = 48;
    private boolean unknownLetters;

    private PronunciationCoder(PronunciationColumns columns) {
        this.columns = columns;
    }

    /** A coder of the columns {@link PronunciationColumns#DEFAULT} names. */
    public static PronunciationCoder of() {
        return of(PronunciationColumns.DEFAULT);
    }

    /** A coder of the given columns. */
    public static PronunciationCoder of(PronunciationColumns columns) {
        return new PronunciationCoder(Objects.requireNonNull(columns, "columns"));
    }

    /** The longest spelling the letter-id column holds (default 48). */
    public PronunciationCoder maxLetters(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxLetters must be positive, got " + n);
        }
        this.maxLetters = n;
        return this;
    }

    /** The longest pronunciation the phoneme-id column holds (default 48). */
    public PronunciationCoder maxPhonemes(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxPhonemes must be positive, got " + n);
        }
        this.maxPhonemes = n;
        return this;
    }

    /**
     * Codes a letter not seen in fitting as the unknown id 1 instead of refusing it (for scoring held-out
     * words that may hold a rare character; the model has never seen that id trained).
     */
    public PronunciationCoder unknownLettersAsUnknown() {
        this.unknownLetters = true;
        return this;
    }

    /**
     * Learns the letters and phonemes of {@code data}.
     *
     * @throws PreprocessingException when a column is missing or not text
     * @throws UncodableSymbolException naming the row of a null value
     */
    @Override
    public PronunciationCodes fit(Dataset data) {
        for (String c : List.of(columns.word(), columns.phonemes())) {
            if (!data.schema().contains(c)) {
                throw new PreprocessingException(c, "no such column; columns are " + data.schema().names());
            }
        }
        TreeSet<String> letters = new TreeSet<>();
        TreeSet<String> phonemes = new TreeSet<>();
        long[] row = {0};
        data.forEachRow(r -> {
            String word = r.getString(columns.word());
            String phones = r.getString(columns.phonemes());
            if (word == null || phones == null) {
                throw new UncodableSymbolException(word == null ? columns.word() : columns.phonemes(), row[0], -1, null, "is missing");
            }
            word.toUpperCase(Locale.ROOT).codePoints().forEach(cp -> letters.add(Character.toString(cp)));
            for (String p : phones.trim().split(" +")) {
                if (!p.isEmpty()) {
                    phonemes.add(p);
                }
            }
            row[0]++;
        });
        return new PronunciationCodes(columns, List.copyOf(letters), List.copyOf(phonemes), maxLetters, maxPhonemes, unknownLetters);
    }
}
