package ai.bigdata.nlp.g2p;

import ai.bigdata.core.io.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reader of the Carnegie Mellon Pronouncing Dictionary (cmudict 0.7b): one entry a line,
 * {@code WORD  PH1 PH2 ...} (the spelling, two spaces, ARPAbet phonemes separated by single spaces),
 * alternate pronunciations as {@code WORD(1)}, {@code WORD(2)}, ..., comment lines starting with
 * {@code ;;;}. The file is Latin-1 (ISO-8859-1), so every byte decodes.
 *
 * <p>Policies (defaults): alternates are skipped ({@link Alternates#FIRST}: the first, unsuffixed,
 * pronunciation is the word's) and stress digits are stripped ({@code AH0} becomes {@code AH}), the
 * usual grapheme-to-phoneme setting of 39 phonemes. {@link #keepStress(boolean)} keeps them (vowels then
 * come in three stresses). Comment and blank lines are counted and passed over.
 *
 * <p>A malformed line is a {@link DataFormatException} naming the file, the line, the column (1-based
 * character position) and the line's text: no two spaces after the spelling, an empty spelling, a bad
 * alternate suffix, a phoneme outside the 39 ARPAbet phonemes, a stress digit on a consonant or missing
 * or out of range on a vowel, an empty phoneme (two spaces between phonemes), or an alternate before its
 * word's first pronunciation, or the same word twice.
 */
public final class CmuDict {
    /** The 39 ARPAbet phonemes of cmudict (the vowels take a stress digit 0, 1 or 2). */
    public static final Set<String> VOWELS = Set.of("AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY",
            "UH", "UW");
    /** The 24 consonants of cmudict (no stress digit). */
    public static final Set<String> CONSONANTS = Set.of("B", "CH", "D", "DH", "F", "G", "HH", "JH", "K", "L", "M", "N", "NG", "P",
            "R", "S", "SH", "T", "TH", "V", "W", "Y", "Z", "ZH");

    private Alternates alternates = Alternates.FIRST;
    private boolean keepStress;

    private CmuDict() {
    }

    /** A reader with the default policies (first pronunciation, stress stripped). */
    public static CmuDict reader() {
        return new CmuDict();
    }

    /** Reads a file with the default policies. */
    public static CmuDictRead read(Path file) {
        return reader().readFile(file);
    }

    /** What to do with alternate pronunciations (default {@link Alternates#FIRST}). */
    public CmuDict alternates(Alternates policy) {
        this.alternates = java.util.Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Whether vowels keep their stress digit (default false: {@code AH0} is read as {@code AH}). */
    public CmuDict keepStress(boolean keep) {
        this.keepStress = keep;
        return this;
    }

    /**
     * Reads the dictionary.
     *
     * @throws DataFormatException for a malformed line (file, line, column, text)
     * @throws UncheckedIOException when the file cannot be read
     */
    public CmuDictRead readFile(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads dictionary lines from {@code in}; {@code source} names it in errors. */
    public CmuDictRead read(BufferedReader in, String source) throws IOException {
        List<Pronunciation> entries = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        long comments = 0;
        long blanks = 0;
        long skipped = 0;
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.startsWith(";;;")) {
                comments++;
                continue;
            }
            if (line.isBlank()) {
                blanks++;
                continue;
            }
            int gap = line.indexOf("  ");
            if (gap < 0) {
                throw error(source, number, line.length() + 1, line, "no two spaces between the spelling and the phonemes");
            }
            String head = line.substring(0, gap);
            if (head.isEmpty() || head.contains(" ")) {
                throw error(source, number, 1, line, "the spelling is empty or holds a space");
            }
            String word = head;
            boolean alternate = false;
            if (head.endsWith(")")) {
                int open = head.lastIndexOf('(');
                String n = open < 0 ? "" : head.substring(open + 1, head.length() - 1);
                if (open <= 0 || n.isEmpty() || !n.chars().allMatch(Character::isDigit)) {
                    throw error(source, number, Math.max(open, 0) + 1, line, "a bad alternate suffix in '" + head
                            + "' (expected WORD(n))");
                }
                word = head.substring(0, open);
                alternate = true;
            }
            List<String> phonemes = phonemes(line, gap + 2, source, number);
            Long seen = firstLine.get(word);
            if (alternate && seen == null) {
                throw error(source, number, 1, line, "alternate pronunciation of '" + word + "' before its first pronunciation");
            }
            if (!alternate && seen != null) {
                throw error(source, number, 1, line, "'" + word + "' again; its first pronunciation is on line " + seen);
            }
            if (!alternate) {
                firstLine.put(word, number);
            }
            if (alternate && alternates == Alternates.FIRST) {
                skipped++;
                continue;
            }
            entries.add(new Pronunciation(word, phonemes, number));
        }
        return new CmuDictRead(entries, comments, blanks, skipped);
    }

    private List<String> phonemes(String line, int from, String source, long number) {
        List<String> out = new ArrayList<>();
        int start = from;
        while (start <= line.length()) {
            int end = line.indexOf(' ', start);
            if (end < 0) {
                end = line.length();
            }
            String p = line.substring(start, end);
            if (p.isEmpty()) {
                throw error(source, number, start + 1, line, end == line.length() ? "trailing space or no phoneme"
                        : "an empty phoneme (two spaces)");
            }
            out.add(phoneme(p, line, start, source, number));
            start = end + 1;
        }
        return out;
    }

    private String phoneme(String p, String line, int at, String source, long number) {
        char last = p.charAt(p.length() - 1);
        boolean digit = Character.isDigit(last);
        String base = digit ? p.substring(0, p.length() - 1) : p;
        if (VOWELS.contains(base)) {
            if (!digit || last > '2') {
                throw error(source, number, at + 1, line, "vowel '" + p + "' needs a stress digit 0, 1 or 2");
            }
            return keepStress ? p : base;
        }
        if (CONSONANTS.contains(base) && !digit) {
            return p;
        }
        throw error(source, number, at + 1, line, CONSONANTS.contains(base) ? "consonant '" + p + "' takes no stress digit"
                : "'" + p + "' is not an ARPAbet phoneme of cmudict");
    }

    private static DataFormatException error(String source, long line, int column, String text, String reason) {
        return new DataFormatException(source, line, String.valueOf(column), text, reason, null);
    }
}
