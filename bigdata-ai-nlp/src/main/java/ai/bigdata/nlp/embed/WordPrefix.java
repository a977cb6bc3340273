package ai.bigdata.nlp.embed;

/**
 * Cuts a long text after its first n words before tokenisation, so that a 100 kB e-mail is not tokenised
 * whole when only its first pieces are read. The cut changes nothing: BERT's pre-tokeniser splits at
 * whitespace before WordPiece, so the pieces of the kept words are the same, and every word holding a
 * letter, digit, symbol or punctuation mark gives at least one piece, so n such words give at least n
 * pieces, more than truncation keeps.
 */
final class WordPrefix {
    private WordPrefix() {
    }

    /** {@code text} up to the whitespace after its {@code words}-th word with a visible character, or all of it. */
    static String cut(String text, int words) {
        int seen = 0;
        boolean inWord = false;
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (separates(c)) {
                if (inWord && visible && ++seen >= words) {
                    return text.substring(0, i);
                }
                inWord = false;
                visible = false;
            } else {
                inWord = true;
                visible |= counts(c);
            }
            i += Character.charCount(c);
        }
        return text;
    }

    /** Whitespace to the tokenizer too (U+001C..U+001F are controls that its normaliser deletes, joining words). */
    private static boolean separates(int c) {
        return (Character.isWhitespace(c) && (c < 0x1C || c > 0x1F)) || Character.isSpaceChar(c);
    }

    /** Whether the normaliser keeps this code point (it drops controls, format characters and combining marks). */
    private static boolean counts(int c) {
        if (c == 0xFFFD) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.COMBINING_SPACING_MARK, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> false;
            default -> true;
        };
    }
}
