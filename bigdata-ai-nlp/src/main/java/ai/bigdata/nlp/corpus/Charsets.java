package ai.bigdata.nlp.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;

/**
 * Strict decoding in a declared charset with a noted fall-back: windows-1252 (a superset of ISO-8859-1 that
 * most mislabelled Western mail is in), then ISO-8859-1, which decodes any byte. Nothing is replaced silently.
 */
final class Charsets {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {
    }

    /** The charset called {@code name} (MIME aliases included), or null when Java does not know it. */
    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().replace("\"", "");
        try {
            return Charset.forName(jakarta.mail.internet.MimeUtility.javaCharset(n));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /**
     * {@code bytes} decoded strictly in {@code declared} (UTF-8 when null), else in the fall-backs; every
     * fall-back taken adds a line to {@code notes}.
     *
     * @param declaredName the charset name as the document declared it (for the note), or null
     */
    static String decode(byte[] bytes, String declaredName, Charset declared, List<String> notes) {
        Charset first = declared != null ? declared : StandardCharsets.UTF_8;
        if (declaredName != null && declared == null) {
            notes.add("unknown charset '" + declaredName + "'");
        }
        String s = strict(bytes, first);
        if (s != null) {
            return s;
        }
        String what = declared != null ? "declared charset " + first.name() : "no usable declared charset and not UTF-8";
        s = strict(bytes, WINDOWS_1252);
        if (s != null) {
            notes.add(what + ": bytes are not valid " + first.name().toLowerCase(Locale.ROOT) + ", read as windows-1252");
            return s;
        }
        notes.add(what + ": bytes are not valid " + first.name().toLowerCase(Locale.ROOT) + ", read as ISO-8859-1");
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String strict(byte[] bytes, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
