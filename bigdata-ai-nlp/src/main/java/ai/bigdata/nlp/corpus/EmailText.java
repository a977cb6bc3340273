package ai.bigdata.nlp.corpus;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jsoup.Jsoup;

/**
 * Turns one RFC 822 message into text with Jakarta Mail (Eclipse Angus) and jsoup: the header lines
 * ({@code Name: value}, encoded words decoded), then the text of every {@code text/*} part in order
 * (multipart and attached {@code message/rfc822} messages walked), HTML reduced to its text. Transfer
 * encodings (quoted-printable, base64) are decoded by Jakarta Mail; corrupt base64 makes the message
 * undecodable. Thread-safe.
 */
public final class EmailText {
    private static final Session SESSION = session();
    private static final int MAX_DEPTH = 32;

    private final boolean headers;

    private EmailText(boolean headers) {
        this.headers = headers;
    }

    /** Header lines and body text. */
    public static EmailText withHeaders() {
        return new EmailText(true);
    }

    /** Body text only (the {@code Subject} header is still included as the first line). */
    public static EmailText bodyOnly() {
        return new EmailText(false);
    }

    /**
     * The text of {@code message}.
     *
     * @param name the message's name in errors and notes
     * @throws UndecodableDocumentException when the MIME structure or a transfer encoding is broken
     */
    public DecodedText decode(byte[] message, String name) {
        List<String> notes = new ArrayList<>();
        StringBuilder out = new StringBuilder(message.length);
        try {
            MimeMessage m = new MimeMessage(SESSION, new SharedByteArrayInputStream(message));
            appendHeaders(m, out, notes);
            walk(m, out, notes, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UndecodableDocumentException(name, "cannot decode the message: " + e, e);
        }
        return new DecodedText(out.toString(), notes);
    }

    private void appendHeaders(Part m, StringBuilder out, List<String> notes) throws MessagingException {
        if (!headers) {
            String[] subject = m.getHeader("Subject");
            if (subject != null && subject.length > 0) {
                out.append("Subject: ").append(headerText(subject[0], notes)).append('\n');
            }
            return;
        }
        Enumeration<Header> all = m.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            out.append(h.getName()).append(": ").append(headerText(h.getValue(), notes)).append('\n');
        }
    }

    private static String headerText(String raw, List<String> notes) {
        String unfolded = MimeUtility.unfold(raw == null ? "" : raw);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            notes.add("header encoded word in an unknown charset kept as written: " + e.getMessage());
            return unfolded;
        }
    }

    private void walk(Part p, StringBuilder out, List<String> notes, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("MIME parts nested deeper than " + MAX_DEPTH);
        }
        ContentType type = contentType(p, notes);
        String primary = type.getPrimaryType().toLowerCase(Locale.ROOT);
        String sub = type.getSubType().toLowerCase(Locale.ROOT);
        if (primary.equals("multipart")) {
            // straight from the part's bytes: Part.getContent() would look up a content handler through
            // Jakarta Activation on every call, which cost more than the parsing
            Multipart mp = new MimeMultipart(new MimePartDataSource((MimePart) p));
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                walk(b, out, notes, depth + 1);
            }
        } else if (primary.equals("message") && sub.equals("rfc822")) {
            MimeMessage inner;
            try (InputStream in = p.getInputStream()) {
                inner = new MimeMessage(SESSION, in);
            }
            appendHeaders(inner, out, notes);
            walk(inner, out, notes, depth + 1);
        } else if (primary.equals("text")) {
            byte[] bytes;
            try (InputStream in = p.getInputStream()) {
                bytes = in.readAllBytes();
            }
            String charsetName = type.getParameter("charset");
            Charset cs = Charsets.lookup(charsetName);
            String text = Charsets.decode(bytes, charsetName, cs, notes);
            if (sub.equals("html")) {
                text = Jsoup.parse(text).wholeText();
            }
            out.append('\n').append(text);
        }
    }

    private static ContentType contentType(Part p, List<String> notes) throws MessagingException {
        String raw = p.getContentType();
        if (raw == null) {
            return new ContentType("text", "plain", null);
        }
        try {
            return new ContentType(raw);
        } catch (ParseException e) {
            notes.add("unparseable Content-Type '" + raw + "' read as text/plain");
            return new ContentType("text", "plain", null);
        }
    }

    private static Session session() {
        Properties p = new Properties();
        // decode encoded words even where senders break RFC 2047's rules (common in spam)
        p.setProperty("mail.mime.decodetext.strict", "false");
        return Session.getInstance(p);
    }
}
