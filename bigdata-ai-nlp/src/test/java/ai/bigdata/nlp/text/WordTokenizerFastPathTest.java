package ai.bigdata.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.io.Decompression;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.nlp.corpus.EmailText;
import ai.bigdata.nlp.corpus.SpamAssassin;
import ai.bigdata.nlp.corpus.UndecodableDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link WordTokenizer} (easy ASCII runs read without Lucene, see {@link AsciiRuns}) against
 * the pure-Lucene path: the same Lucene tokens (type and text, in order) and the same tokens under several
 * configurations, on a sample of a real corpus, on seeded random texts and on hand-written corners.
 */
class WordTokenizerFastPathTest {
    private static final List<WordTokenizer> CONFIGS = List.of(
            WordTokenizer.standard(),
            WordTokenizer.builder().lowercase(false).build(),
            WordTokenizer.builder().normaliseNumbers(false).build(),
            WordTokenizer.builder().minLength(3).build(),
            WordTokenizer.builder().normaliseNumbers(false).lowercase(false).minLength(2).build(),
            WordTokenizer.builder().normaliseUrls(false).normaliseEmails(false).foldAccents(false).build(),
            WordTokenizer.builder().minLength(3).stopWords(StopWords.english()).stemmer(Stemmer.ENGLISH).build());

    private static final ThreadLocal<Segmenter> SEGMENTER = ThreadLocal.withInitial(Segmenter::new);

    private static final String LONG_A = "a".repeat(4095);
    private static final String LONG_B = "B".repeat(4096);
    private static final String LONG_C = "c".repeat(4097);
    private static final String LONG_D = "d".repeat(5000);
    private static final String LONG_9 = "9".repeat(4096);
    private static final String LONG_8 = "8".repeat(4097);

    /** Pieces of the general fuzz: words, digits, white space, punctuation, URL and e-mail parts, other scripts. */
    private static final String[] PIECES = {
        "hello", "World", "a", "I", "xyz", "The", "don", "t", "s", "com", "org",
        "1", "42", "2024", "007", "3",
        " ", " ", " ", "  ", "\n", "\t", "\r\n", "\f", "\u000B", " \n ",
        ".", ",", ";", ":", "!", "?", "'", "\"", "(", ")", "[", "]", "@", "/", "-", "_", "\\", "<", ">", "#",
        "|", "=", "&", "+", "%", "$", "~", "*", "{", "}", "^", "`", "--", "...", "mp3", "x9y", "'s", "n't", "a'b",
        "::", "fe80", "[", "::]",
        "http://", "https://", "www.", ".com", ".org", "mailto:", "x@y.com", "@[", "e.g.", "1,000.5", "3.14",
        "caf\u00e9", "\u00A0", "\u2019", "\u6771\u4eac", "\u65e5", "\u0301", "\u200D", "\u00AD", "\uD83D\uDE00",
        "\u0391\u03b8", "\u0e44\u0e17\u0e22", "\uFF11", "\u0661"
    };
    private static final String[] LONG_PIECES = {LONG_A, LONG_B, LONG_C, LONG_D, LONG_9, LONG_8};

    /** Pieces of the e-mail fuzz: what quoted local parts and bracketed hosts with white space are made of. */
    private static final String[] EMAIL_PIECES = {
        "\"", "\"", "@", "@", "[", "]", "\\", " ", " ", "\t", "\n", "\r", "\u000B", "\f", "a", "b", "Xy", "1", ".",
        "x.com", "y.org", "\u00e9", "(", ")", ",", "mailto:"
    };

    @Test
    void handWrittenCornersGiveTheSameTokens() {
        List<String> texts = List.of("", " ", " \t\n\r\f\u000B ", "e.g.", "U.S.A.", "don't", "don\u2019t", "end.com",
                "a1", "1,000.5", "x@y.com", "(hello)", "\"quoted,\"", "the end", "trailing text with no final space",
                "  lead and trail  ", "Hello, world! It is 2024. (Yes) [no] \"maybe\"...", "a.b", "a. b", "1. 2, 3;",
                "http://x.org/a. b", "see www.example.com/x, then", "http: // not a url", "mailto:x@y.com",
                "12ab ab12 1-2 a_b a-b", "don't rock'n'roll 'quoted' dogs' 90's a1'b b'1 x''y mp3. 3rd, 1st!",
                "> -- | = ... ~ & + % $ { } ^ ` ' : / ; ,",
                "see [fe80::] now", "[1::] x [abc::] ([2a::]). \"[0db8::]\" [ab:] [ab]: [a1]", "x.com - y", "x.com_ - y", "x.com -- 3", "a@b.com | c", "caf\u00e9 na\u00efve", "\u6771\u4eac and \u65e5\u672c",
                "\u00A0word\u00A0", "x\u0301 \u0301y", "a\u200Db", "((((\"[word]\")))),,,..!!??::;;",
                "\"[(12)]\"", "word:", "word:more", "12:30", "12;30", "$5 5$ #1 1#",
                // runs of parts between separators (mail headers, times, time zones, hyphenated words)
                "Content-Type: text/plain; X-Spam-Status: 12:30:45 +0200 -0700 (PDT) e-mail co-op a--b -a- 9-5",
                "a9-b7 a/b/c [12:30] [a-b] (x-y); don't-stop a'-b a-'b 1:a a:1 12:34:56: 1:2:a ab-12:30 a-b.com a-b@c.com",
                "x-y.z -1.5 +1,000 a+b+ /a/ 12/31/2026 http://a-b.org/x-y [1:2] 1::2 a-b: -- -+- x.com-y z",
                // e-mail addresses whose quoted local part or bracketed host holds white space
                "say \"hello world\"@example.com now", "x \"a b c d\"@example.com y", "mailto:\"a b\"@x.com z",
                "to x@[a b] and x@[1.2.3.4] or x@[a\u000Bb]", "\"a\tb\"@x.com", "\"a\\\tb\"@x.com", "\"a\\\nb\"@x.com",
                "one \"a\" \"b c\"@x.com", "\"a b\".\"c d\"@x.com", "w \"a\fb\"@x.com w", "w\n\"a b\"@x.com\nw",
                "caf\u00e9 \"a b\"@x.com", "\"caf\u00e9 b\"@x.com", "x@[a\\\nb] c", "x@[ a ] b", "\"a b\" @x.com",
                // host names are URLs only when followed by a character that is not a word character or '-'
                "x.com. y", "x.com.\r", "from 15.145.8.186 by", "example.com", "example.com word", "a.b.org-x y",
                "[::1] x [::]_ x.com", "[::]_ x.com", "1.2.3.4_ 5.6.7.8",
                LONG_A, LONG_B, LONG_C, "(" + LONG_B + ")", "\"" + LONG_B + "\".", LONG_9 + ".", LONG_8,
                "x " + LONG_A + " y " + LONG_C + " z", "\"" + "a ".repeat(3000) + "\"@x.com");
        for (String text : texts) {
            assertSame(text);
        }
    }

    @Test
    void aTextLongerThanTheFastPathsLimitGoesToLuceneWholeWithTheSameTokens() {
        StringBuilder b = new StringBuilder();
        while (b.length() <= Segmenter.FAST_PATH_CHARS) {
            b.append("Plain words, 42 numbers and http://example.com/x links. ");
        }
        String text = b.toString();
        WordTokenizer t = WordTokenizer.standard();
        List<String> tokens = t.tokens(text);
        assertThat(tokens).isEqualTo(t.tokens(text, false));
        assertThat(tokens).hasSizeGreaterThan(100_000).contains("plain", WordTokenizer.NUMBER, WordTokenizer.URL);
    }

    @Test
    void seededRandomTextsGiveTheSameTokens() {
        Random random = new Random(20261207L);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(40);
            for (int k = 0; k < pieces; k++) {
                if (random.nextInt(2000) == 0) {
                    sb.append(LONG_PIECES[random.nextInt(LONG_PIECES.length)]);
                } else {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            assertSame(sb.toString());
        }
    }

    @Test
    void seededRandomEmailLikeTextsGiveTheSameTokens() {
        Random random = new Random(7L);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(30);
            for (int k = 0; k < pieces; k++) {
                sb.append(EMAIL_PIECES[random.nextInt(EMAIL_PIECES.length)]);
            }
            assertSame(sb.toString());
        }
    }

    /**
     * Every eighth message of the SpamAssassin archive, decoded as {@link SpamAssassin#read} decodes them (headers and
     * text), read straight from the archive so that the test stays short.
     */
    @Test
    void spamAssassinMessagesGiveTheSameTokens() throws IOException {
        Path archive = SharedData.file("spamassassin/spamassassin.tar.gz");
        EmailText email = EmailText.withHeaders();
        int files = 0;
        int compared = 0;
        try (InputStream in = Decompression.open(archive); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String[] path = e.getName().split("/");
                if (!e.isFile() || path.length < 2 || SpamAssassin.label(path[path.length - 2]) == null
                        || files++ % 8 != 0) {
                    continue;
                }
                String text;
                try {
                    text = email.decode(tar.readAllBytes(), e.getName()).text();
                } catch (UndecodableDocumentException undecodable) {
                    continue;
                }
                // equal Lucene tokens make equal tokens under any configuration: two configurations are enough here
                assertSame(text, List.of(CONFIGS.get(0), CONFIGS.get(CONFIGS.size() - 1)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(600);
    }

    @Test
    void easyRunsSkipLuceneAndTheRestComesInSpans() {
        assertThat(parts("(Hello), world 42. e.g.\nx \"a b\"@c.com end\t" + LONG_C + " 7")).containsExactly("word Hello",
                "word world", "number 42", "lucene e.g.\nx \"a b\"@c.com ", "word end", "lucene " + LONG_C + " ", "number 7");
        // letters and digits mixed, apostrophes between letters: easy; punctuation alone: no token, skipped
        // unless it follows a hard run (then it stays in that run's span)
        assertThat(parts("> don't buy mp3s -- x.com, 3rd ... e.g. - ok 'a a' a''b")).containsExactly("word don't", "word buy",
                "word mp3s", "lucene x.com, ", "word 3rd", "lucene e.g. - ", "word ok", "lucene 'a a' a''b");
        // parts between - + / and a : between digits, each a word or a number
        assertThat(parts("X-Spam-Level: 12:30:45 +0200 (co-op) a:b x-y.z")).containsExactly("word X", "word Spam", "word Level",
                "number 12", "number 30", "number 45", "number 0200", "word co", "word op", "lucene a:b x-y.z");
    }

    /** What {@link AsciiRuns} reports for {@code text}, in order: easy words and numbers, and the spans for Lucene. */
    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        new AsciiRuns().split(text, new AsciiRuns.Visitor() {
            @Override
            public void easy(boolean number, int from, int to) {
                parts.add((number ? "number " : "word ") + text.substring(from, to));
            }

            @Override
            public void hard(int from, int to) {
                parts.add("lucene " + text.substring(from, to));
            }
        });
        return parts;
    }

    /** The fast path's Lucene tokens (types and texts) and tokens under each configuration are the reference's. */
    private static void assertSame(String text) {
        assertSame(text, CONFIGS);
    }

    private static void assertSame(String text, List<WordTokenizer> configs) {
        Segmenter segmenter = SEGMENTER.get();
        List<String> reference = new ArrayList<>();
        segmenter.forEach(text, (type, raw) -> reference.add(type + " " + raw));
        List<String> fast = new ArrayList<>();
        segmenter.forEachFast(text, new Segmenter.FastVisitor() {
            @Override
            public void accept(String type, String raw) {
                fast.add(type + " " + raw);
            }

            @Override
            public void easy(boolean number, String s, int from, int to) {
                fast.add((number ? Segmenter.NUMBER_TYPE : Segmenter.WORD_TYPE) + " " + s.substring(from, to));
            }
        });
        assertThat(fast).as("Lucene tokens of %s", quoted(text)).isEqualTo(reference);
        for (WordTokenizer t : configs) {
            List<String> expected = t.tokens(text, false);
            assertThat(t.tokens(text)).as("%s on %s", t, quoted(text)).isEqualTo(expected);
            assertThat(ranges(t, text)).as("ranges of %s on %s", t, quoted(text)).isEqualTo(expected);
        }
    }

    /**
     * The tokens a sink that reads ranges itself receives: each range must be ASCII letters, digits and
     * apostrophes, lower-cased here by hand when asked.
     */
    private static List<String> ranges(WordTokenizer t, String text) {
        List<String> out = new ArrayList<>();
        t.forEachToken(text, new TokenSink() {
            @Override
            public void accept(String token) {
                out.add(token);
            }

            @Override
            public void accept(String s, int from, int to, boolean lowerCase) {
                StringBuilder b = new StringBuilder();
                for (int p = from; p < to; p++) {
                    char c = s.charAt(p);
                    assertThat(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'').as(s).isTrue();
                    b.append(lowerCase && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                }
                out.add(b.toString());
            }
        });
        return out;
    }

    private static String quoted(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " chars)" : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\f", "\\f").replace("\u000B", "\\v") + "\"";
    }
}
