package ai.bigdata.nlp.text;

import java.util.Arrays;

/**
 * Splits a text at ASCII white space (space, tab, line feed, vertical tab, form feed, carriage return) into
 * runs and picks out the easy runs, whose token Lucene's {@code UAX29URLEmailTokenizer} would give is known
 * without running it: the rest is handed on in spans for Lucene. The order of the parts is the text's.
 *
 * <p>An easy run is, with nothing else in it: any of {@code ( " [}, then 1 to {@value WordTokenizer#MAX_TOKEN_LENGTH}
 * ASCII letters and digits, with single apostrophes allowed between two letters (Lucene's one token of them: an
 * {@code <ALPHANUM>} when there is a letter, as UAX #29 joins letters and digits and keeps {@code don't} whole, a
 * {@code <NUM>} when all are digits), then any of {@code . , ; : ! ? ) " ]} (but not a {@code [} before and a {@code :}
 * after, as in the bracketed IPv6 host {@code [fe80::]}, a URL to Lucene). A silent run is ASCII punctuation alone
 * (not {@code _}, which joins words, nor {@code # *}, emoji keycap bases, nor {@code " @ [ ] \}): Lucene gives no
 * token for it, so it is skipped, unless it follows a hard run, whose span then takes it in. Every other run is hard;
 * consecutive hard runs make one span, from the start
 * of the first to the end of the last, so that Lucene is called once for them. A span goes on with the
 * white space character after it, if any: Lucene takes a host name ({@code example.com}, {@code 1.2.3.4})
 * for a URL only if a character other than {@code -} or a word character follows, and at the end of its
 * input none does.
 *
 * <p>Lucene tokenizes each run alone, because no token it gives contains white space (UAX #29 breaks there,
 * URLs never contain it), except e-mail addresses with a quoted local part ({@code "a b"@example.com}) or a
 * bracketed host ({@code a@[b c]}): inside those a space, vertical tab or form feed may stand as it is, and
 * any of the six after a backslash. So a run with a {@code "} before an {@code @}, or with {@code @[}, is hard,
 * and so are its neighbours, backwards (a quote) or forwards (a bracket), for as long as the white space
 * between them could sit inside such an address and the runs crossed are all ASCII. The one state that Lucene
 * carries from token to token (after a host name followed by a word character) ends at its next token, and
 * gives the letters or digits of an easy run the same token either way. {@code WordTokenizerFastPathTest}
 * compares all this with Lucene on whole texts.
 */
final class AsciiRuns {
    /** Receives the parts of a text, in order. */
    interface Visitor {
        /** An easy run's token, {@code text.substring(from, to)}: a number or a word (silent runs are not reported). */
        void easy(boolean number, int from, int to);

        /**
         * A span for Lucene, {@code text.substring(from, to)}: hard runs and the white space between them, and the
         * one white space character after the last, if any. It starts after white space or at the start.
         */
        void hard(int from, int to);
    }

    private static final int HARD = 0;
    private static final int WORD = 1;
    private static final int NUMBER = 2;
    private static final int SILENT = 3;
    /** Easy parts (words or numbers) between separators, as in {@code e-mail}, {@code 12:30:00}, {@code +0200}. */
    private static final int PARTS = 4;

    private static final int ASCII = 1;
    private static final int QUOTE_AT = 2;
    private static final int AT_BRACKET = 4;

    /** Ints per run: start, end, kind, token start, token end, flags. */
    private static final int STRIDE = 6;

    private static final int INITIAL = 64 * STRIDE;
    /** Larger arrays (from a long text) are dropped after the text, so that a thread does not keep them. */
    private static final int KEPT = 1 << 16;

    private int[] runs = new int[INITIAL];
    private int count;

    /** Calls {@code v} with the parts of {@code text}, in order. */
    void split(String text, Visitor v) {
        count = 0;
        boolean danger = false;
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int s = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            danger |= add(text, s, i);
        }
        if (danger) {
            widenDanger(text);
        }
        try {
            emit(text, v, n);
        } finally {
            if (runs.length > KEPT) {
                runs = new int[INITIAL];
            }
        }
    }

    /** Records the run {@code [s, e)}; true when it makes its neighbours suspect. */
    private boolean add(String text, int s, int e) {
        if ((count + 1) * STRIDE > runs.length) {
            runs = Arrays.copyOf(runs, runs.length * 2);
        }
        if (isSilentRun(text, s, e)) {
            return record(s, e, SILENT, s, s, ASCII);
        }
        int p = s;
        boolean bracket = false;
        while (p < e && isLead(text.charAt(p))) {
            bracket |= text.charAt(p) == '[';
            p++;
        }
        int from = p;
        boolean letters = false;
        boolean digits = false;
        boolean separators = false;
        boolean colon = false;
        while (p < e) {
            char c = text.charAt(p);
            if (isLetter(c)) {
                letters = true;
            } else if (isDigit(c)) {
                digits = true;
            } else if (c == '\'') {
                if (p == from || !isLetter(text.charAt(p - 1)) || p + 1 >= e || !isLetter(text.charAt(p + 1))) {
                    break;
                }
            } else if (isSeparator(text, p, from, e)) {
                separators = true;
                colon |= c == ':';
            } else {
                break;
            }
            p++;
        }
        int kind = separators && (letters || digits) ? PARTS : letters ? WORD : digits ? NUMBER : HARD;
        int to = p;
        while (p < e && isTrail(text.charAt(p))) {
            colon |= text.charAt(p) == ':';
            p++;
        }
        if (p != e || to - from > WordTokenizer.MAX_TOKEN_LENGTH || bracket && colon) {
            kind = HARD; // "[fe80::]" is a bracketed IPv6 host: a URL to Lucene
        }
        return record(s, e, kind, from, to, kind == HARD ? flags(text, s, e) : ASCII);
    }

    /** Stores a run; true when its flags make its neighbours suspect. */
    private boolean record(int s, int e, int kind, int from, int to, int flags) {
        int at = count * STRIDE;
        runs[at] = s;
        runs[at + 1] = e;
        runs[at + 2] = kind;
        runs[at + 3] = from;
        runs[at + 4] = to;
        runs[at + 5] = flags;
        count++;
        return (flags & (QUOTE_AT | AT_BRACKET)) != 0;
    }

    /** Whether {@code [s, e)} is all {@link #isSilent} punctuation: Lucene gives no token for such a run. */
    private static boolean isSilentRun(String text, int s, int e) {
        for (int p = s; p < e; p++) {
            if (!isSilent(text.charAt(p))) {
                return false;
            }
        }
        return true;
    }

    private static int flags(String text, int s, int e) {
        int flags = ASCII;
        boolean quote = false;
        for (int p = s; p < e; p++) {
            char c = text.charAt(p);
            if (c >= 0x80) {
                flags &= ~ASCII;
            } else if (c == '"') {
                quote = true;
            } else if (c == '@') {
                if (quote) {
                    flags |= QUOTE_AT;
                }
                if (p + 1 < e && text.charAt(p + 1) == '[') {
                    flags |= AT_BRACKET;
                }
            }
        }
        return flags;
    }

    /** Makes hard the runs that an e-mail address with white space could reach from a suspect run. */
    private void widenDanger(String text) {
        for (int r = 0; r < count; r++) {
            int flags = runs[r * STRIDE + 5];
            if ((flags & QUOTE_AT) != 0) {
                for (int j = r; j > 0; j--) {
                    if (j != r && (runs[j * STRIDE + 5] & ASCII) == 0 || !quotable(text, j - 1, j)) {
                        break;
                    }
                    runs[(j - 1) * STRIDE + 2] = HARD;
                }
            }
            if ((flags & AT_BRACKET) != 0) {
                for (int j = r; j + 1 < count; j++) {
                    if (j != r && (runs[j * STRIDE + 5] & ASCII) == 0 || !quotable(text, j, j + 1)) {
                        break;
                    }
                    runs[(j + 1) * STRIDE + 2] = HARD;
                }
            }
        }
    }

    /** Whether the white space between runs {@code a} and {@code b} could be inside a quoted string or bracket. */
    private boolean quotable(String text, int a, int b) {
        for (int p = runs[a * STRIDE + 1]; p < runs[b * STRIDE]; p++) {
            char c = text.charAt(p);
            if (c != ' ' && c != '\u000B' && c != '\f' && text.charAt(p - 1) != '\\') {
                return false;
            }
        }
        return true;
    }

    /** Calls {@code v} with the easy runs and, between them, the spans of hard runs and the white space after. */
    private void emit(String text, Visitor v, int n) {
        int spanFrom = -1;
        int spanTo = -1;
        for (int r = 0; r < count; r++) {
            int at = r * STRIDE;
            int kind = runs[at + 2];
            if (kind == SILENT && spanFrom < 0) {
                continue; // no token, and Lucene carries no state past it: nothing to hand on
            }
            if (kind == HARD || kind == SILENT) {
                if (spanFrom < 0) {
                    spanFrom = runs[at];
                }
                spanTo = runs[at + 1];
            } else {
                if (spanFrom >= 0) {
                    v.hard(spanFrom, spanTo + 1);
                    spanFrom = -1;
                }
                if (kind == PARTS) {
                    emitParts(text, v, runs[at + 3], runs[at + 4]);
                } else {
                    v.easy(kind == NUMBER, runs[at + 3], runs[at + 4]);
                }
            }
        }
        if (spanFrom >= 0) {
            v.hard(spanFrom, Math.min(spanTo + 1, n));
        }
    }

    /** Reports the parts of a {@link #PARTS} run's core {@code [from, to)}: its pieces between separators. */
    private static void emitParts(String text, Visitor v, int from, int to) {
        int start = from;
        boolean letters = false;
        for (int p = from; p <= to; p++) {
            char c = p < to ? text.charAt(p) : ' ';
            if (isLetter(c)) {
                letters = true;
            } else if (!isDigit(c) && c != '\'') {
                if (p > start) {
                    v.easy(!letters, start, p);
                }
                start = p + 1;
                letters = false;
            }
        }
    }

    /**
     * Whether the character at {@code p} (inside a run's core {@code [from, e)}) separates two tokens there, as
     * UAX #29 breaks on both sides of it: {@code - + /} anywhere, and {@code :} between two digits (between
     * letters it would join them).
     */
    private static boolean isSeparator(String text, int p, int from, int e) {
        char c = text.charAt(p);
        if (c == '-' || c == '+' || c == '/') {
            return true;
        }
        return c == ':' && p > from && p + 1 < e && isDigit(text.charAt(p - 1)) && isDigit(text.charAt(p + 1));
    }

    /** The white space at which runs end. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u000B';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * ASCII punctuation that is never part of a Lucene token on its own: not a letter, digit or {@code _}
     * (which joins words), not {@code # *} (emoji keycap bases), and not {@code " @ [ ] \\}, which make
     * e-mail addresses that may hold white space.
     */
    private static boolean isSilent(char c) {
        return c > ' ' && c < 0x7F && !isLetter(c) && !isDigit(c) && c != '_' && c != '#' && c != '*' && c != '"' && c != '@'
                && c != '[' && c != ']' && c != '\\';
    }

    private static boolean isLead(char c) {
        return c == '(' || c == '"' || c == '[';
    }

    private static boolean isTrail(char c) {
        return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"'
                || c == ']';
    }
}
