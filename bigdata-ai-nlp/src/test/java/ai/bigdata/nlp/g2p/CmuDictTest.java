package ai.bigdata.nlp.g2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.io.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cmudict reader: its policies, its encoding and its errors. */
class CmuDictTest {
    static final String SAMPLE = """
            ;;; # CMUdict  --  Major Version: 0.07
            ;;; a comment line
            A  AH0
            A(1)  EY1
            AARONSON  EH1 R AH0 N S AH0 N
            AARONSON(1)  AA1 R AH0 N S AH0 N

            NAIVE  N AY2 IY1 V
            """;

    static CmuDictRead read(CmuDict reader, String text) throws IOException {
        return reader.read(new BufferedReader(new StringReader(text)), "sample.dict");
    }

    @Test
    void keepsTheFirstPronunciationAndStripsStressByDefault() throws IOException {
        CmuDictRead r = read(CmuDict.reader(), SAMPLE);
        assertThat(r.entries()).extracting(Pronunciation::word).containsExactly("A", "AARONSON", "NAIVE");
        assertThat(r.entries().get(1).phonemes()).containsExactly("EH", "R", "AH", "N", "S", "AH", "N");
        assertThat(r.entries().get(1).line()).isEqualTo(5);
        assertThat(r.commentLines()).isEqualTo(2);
        assertThat(r.blankLines()).isEqualTo(1);
        assertThat(r.alternatesSkipped()).isEqualTo(2);
    }

    @Test
    void keepsAlternatesAndStressWhenAsked() throws IOException {
        CmuDictRead r = read(CmuDict.reader().alternates(Alternates.ALL).keepStress(true), SAMPLE);
        assertThat(r.entries()).extracting(Pronunciation::word).containsExactly("A", "A", "AARONSON", "AARONSON", "NAIVE");
        assertThat(r.entries().get(1).phonemes()).containsExactly("EY1");
        assertThat(r.entries().get(4).phonemeText()).isEqualTo("N AY2 IY1 V");
        assertThat(r.alternatesSkipped()).isZero();
    }

    @Test
    void readsTheFileAsLatin1(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dict.txt");
        // "NAÏVE" with a Latin-1 0xCF byte: not valid UTF-8, one character in Latin-1
        Files.write(file, "NA\u00CFVE  N AY2 IY1 V\n".getBytes(StandardCharsets.ISO_8859_1));
        CmuDictRead r = CmuDict.read(file);
        assertThat(r.entries()).extracting(Pronunciation::word).containsExactly("NA\u00CFVE");
    }

    @Test
    void aMalformedLineIsNamedWithItsLineAndColumn() {
        assertError("A  AH0\nB BIY1\n", 2, "7", "no two spaces");
        assertError("A  AH0\nBEE  B IY\n", 2, "8", "vowel 'IY' needs a stress digit");
        assertError("BEE  B3 IY1\n", 1, "6", "consonant 'B3' takes no stress digit");
        assertError("BEE  B XX1\n", 1, "8", "'XX1' is not an ARPAbet phoneme");
        assertError("BEE  B  IY1\n", 1, "8", "an empty phoneme");
        assertError("BEE(X)  B IY1\n", 1, "4", "a bad alternate suffix");
        assertError("BEE(1)  B IY1\n", 1, "1", "before its first pronunciation");
        assertError("BEE  B IY1\nBEE  B IY0\n", 2, "1", "its first pronunciation is on line 1");
    }

    private static void assertError(String text, long line, String column, String reason) {
        assertThatThrownBy(() -> read(CmuDict.reader(), text)).isInstanceOfSatisfying(DataFormatException.class, e -> {
            assertThat(e.source()).isEqualTo("sample.dict");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.getMessage()).contains(reason);
            assertThat(List.of(text.split("\n"))).contains(e.text());
        });
    }
}
