package ai.bigdata.nlp.g2p;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted {@link PronunciationCoder}: replaces a spelling column (text) by a float32 tensor column of
 * letter ids {@code [maxLetters]} (role feature; 0 padding, 1 an unknown letter, then the fitted letters)
 * and, when the data has it, a pronunciation column (text, phonemes separated by spaces) by a tensor
 * column of phoneme ids {@code [maxPhonemes]} (role label; 1 onwards the fitted phonemes, 0 after the
 * end). Spellings are upper-cased ({@code Locale.ROOT}) first, as cmudict writes them. These are the
 * columns {@code Seq2SeqNetwork} reads and predicts; {@link #sourceVocabulary()} and
 * {@link #targetVocabulary()} size it, and {@link #phonemes(double[])} reads its prediction back.
 *
 * <p>A letter the transform was not fitted on is an {@link UncodableSymbolException} naming column, row
 * and position, unless the coder was told to code it as the unknown id 1
 * ({@link PronunciationCoder#unknownLettersAsUnknown()}); a spelling or pronunciation longer than its
 * column, an unknown phoneme and a null value are always such errors.
 */
public final class PronunciationCodes implements Transform {
    /** The kind name stored in JSON. */
    public static final String KIND = "nlp.pronunciation_codes";
    /** The id of a letter the transform was not fitted on (when allowed). */
    public static final int UNKNOWN_LETTER = 1;

    private final PronunciationColumns columns;
    private final List<String> letters;
    private final List<String> phonemes;
    private final int maxLetters;
    private final int maxPhonemes;
    private final boolean unknownLetters;
    private final Map<String, Integer> letterIds = new HashMap<>();
    private final Map<String, Integer> phonemeIds = new HashMap<>();

    PronunciationCodes(PronunciationColumns columns, List<String> letters, List<String> phonemes, int maxLetters, int maxPhonemes,
            boolean unknownLetters) {
        this.columns = columns;
        this.letters = List.copyOf(letters);
        this.phonemes = List.copyOf(phonemes);
        this.maxLetters = maxLetters;
        this.maxPhonemes = maxPhonemes;
        this.unknownLetters = unknownLetters;
        for (int i = 0; i < this.letters.size(); i++) {
            if (this.letters.get(i).codePointCount(0, this.letters.get(i).length()) != 1
                    || letterIds.put(this.letters.get(i), i + 2) != null) {
                throw new IllegalArgumentException(KIND + ": letter '" + this.letters.get(i) + "' is not one character or occurs twice");
            }
        }
        for (int i = 0; i < this.phonemes.size(); i++) {
            if (this.phonemes.get(i).isBlank() || phonemeIds.put(this.phonemes.get(i), i + 1) != null) {
                throw new IllegalArgumentException(KIND + ": phoneme '" + this.phonemes.get(i) + "' is blank or occurs twice");
            }
        }
    }

    /** Letter ids are in [0, sourceVocabulary()): padding, unknown and the fitted letters. */
    public int sourceVocabulary() {
        return letters.size() + 2;
    }

    /** Phoneme ids are in [0, targetVocabulary()): the end (padding) and the fitted phonemes. */
    public int targetVocabulary() {
        return phonemes.size() + 1;
    }

    /** The fitted letters; letter {@code i} has id {@code i + 2}. */
    public List<String> letters() {
        return letters;
    }

    /** The fitted phonemes; phoneme {@code i} has id {@code i + 1}. */
    public List<String> phonemes() {
        return phonemes;
    }

    /** The names of the columns read and written. */
    public PronunciationColumns columns() {
        return columns;
    }

    /**
     * The letter ids of a spelling (upper-cased first), then padding.
     *
     * @throws UncodableSymbolException (row 0) for a null or empty spelling, one longer than the column, or an
     *     unknown letter when they are not allowed
     */
    public float[] letterIds(String spelling) {
        return letterIds(spelling, 0);
    }

    private float[] letterIds(String spelling, long row) {
        if (spelling == null || spelling.isEmpty()) {
            throw new UncodableSymbolException(columns.word(), row, -1, spelling, "is no spelling");
        }
        String word = spelling.toUpperCase(Locale.ROOT);
        int[] cps = word.codePoints().toArray();
        if (cps.length > maxLetters) {
            throw new UncodableSymbolException(columns.word(), row, -1, spelling, "has " + cps.length + " letters; the column holds "
                    + maxLetters);
        }
        float[] out = new float[maxLetters];
        for (int i = 0; i < cps.length; i++) {
            Integer id = letterIds.get(Character.toString(cps[i]));
            if (id == null && !unknownLetters) {
                throw new UncodableSymbolException(columns.word(), row, i, spelling, "has the letter '" + Character.toString(cps[i])
                        + "', which the model was not trained on; its letters are " + String.join("", letters));
            }
            out[i] = id == null ? UNKNOWN_LETTER : id;
        }
        return out;
    }

    private float[] phonemeIds(String pronunciation, long row) {
        if (pronunciation == null || pronunciation.isBlank()) {
            throw new UncodableSymbolException(columns.phonemes(), row, -1, pronunciation, "is no pronunciation");
        }
        String[] ps = pronunciation.trim().split(" +");
        if (ps.length > maxPhonemes) {
            throw new UncodableSymbolException(columns.phonemes(), row, -1, pronunciation, "has " + ps.length
                    + " phonemes; the column holds " + maxPhonemes);
        }
        float[] out = new float[maxPhonemes];
        for (int i = 0; i < ps.length; i++) {
            Integer id = phonemeIds.get(ps[i]);
            if (id == null) {
                throw new UncodableSymbolException(columns.phonemes(), row, i, pronunciation, "has the phoneme '" + ps[i]
                        + "', which is not among the fitted phonemes " + phonemes);
            }
            out[i] = id;
        }
        return out;
    }

    /**
     * The phonemes of a row of predicted (or label) ids: up to the first 0.
     *
     * @throws IllegalArgumentException for a value that is not an id of this transform
     */
    public List<String> phonemes(double[] ids) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.length && ids[i] != 0; i++) {
            double v = ids[i];
            if (v != Math.rint(v) || v < 1 || v > phonemes.size()) {
                throw new IllegalArgumentException("position " + i + ": " + v + " is not a phoneme id (1 to " + phonemes.size() + ")");
            }
            out.add(phonemes.get((int) v - 1));
        }
        return out;
    }

    @Override
    public Schema outputSchema(Schema input) {
        Schema out = replace(input, columns.word(), Column.tensor(columns.letterIds(), maxLetters).withRole(ColumnRole.FEATURE));
        return input.contains(columns.phonemes())
                ? replace(out, columns.phonemes(), Column.tensor(columns.phonemeIds(), maxPhonemes).withRole(ColumnRole.LABEL)) : out;
    }

    private static Schema replace(Schema schema, String column, Column by) {
        if (!schema.contains(column)) {
            throw new PreprocessingException(column, "no such column; columns are " + schema.names());
        }
        if (schema.column(column).type() != ai.bigdata.core.data.ColumnType.TEXT) {
            throw new PreprocessingException(column, "is " + schema.column(column).type() + ", not TEXT");
        }
        if (schema.contains(by.name()) && !by.name().equals(column)) {
            throw new PreprocessingException(by.name(), "the output column already exists");
        }
        return schema.replace(schema.indexOf(column), by);
    }

    /**
     * Writes every row with the spelling (and pronunciation, when present) replaced by ids; other columns are copied.
     *
     * @throws UncodableSymbolException naming column, row and position of a value it cannot code
     */
    @Override
    public Dataset apply(Dataset data) {
        Schema out = outputSchema(data.schema());
        int word = data.schema().indexOf(columns.word());
        int phones = data.schema().contains(columns.phonemes()) ? data.schema().indexOf(columns.phonemes()) : -1;
        List<String> names = data.schema().names();
        long[] row = {0};
        try (DatasetWriter w = Dataset.writer(out)) {
            data.forEachRow(r -> {
                for (int c = 0; c < names.size(); c++) {
                    if (c == word) {
                        w.column(c).appendTensor(letterIds(r.getString(names.get(c)), row[0]));
                    } else if (c == phones) {
                        w.column(c).appendTensor(phonemeIds(r.getString(names.get(c)), row[0]));
                    } else {
                        w.column(c).append(r.get(names.get(c)));
                    }
                }
                w.endRow();
                row[0]++;
            });
            return w.build();
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>(columns.parameters());
        p.put("alphabet", letters);
        p.put("inventory", phonemes);
        p.put("maxLetters", maxLetters);
        p.put("maxPhonemes", maxPhonemes);
        p.put("unknownLetters", unknownLetters);
        return p;
    }

    @Override
    public String toString() {
        return "pronunciation codes: '" + columns.word() + "' into '" + columns.letterIds() + "' (" + maxLetters + " of "
                + sourceVocabulary() + " letter ids), '" + columns.phonemes() + "' into '" + columns.phonemeIds() + "' ("
                + maxPhonemes + " of " + targetVocabulary() + " phoneme ids)";
    }
}
