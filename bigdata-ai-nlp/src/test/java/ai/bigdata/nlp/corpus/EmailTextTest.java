package ai.bigdata.nlp.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EmailTextTest {
    private static byte[] mail(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static DecodedText decode(String s) {
        return EmailText.withHeaders().decode(mail(s), "m1");
    }

    @Test
    void plainMessageGivesHeadersThenBody() {
        DecodedText t = decode("From: a@example.com\nSubject: Hello\n\nBody line\n");
        assertThat(t.text()).isEqualTo("From: a@example.com\nSubject: Hello\n\nBody line\r\n");
        assertThat(t.notes()).isEmpty();
    }

    @Test
    void encodedWordsInHeadersAreDecoded() {
        DecodedText t = decode("Subject: =?iso-8859-1?Q?Caf=E9_gratuit?=\n\nx\n");
        assertThat(t.text()).startsWith("Subject: Café gratuit\n");
    }

    @Test
    void bodyOnlyKeepsTheSubject() {
        DecodedText t = EmailText.bodyOnly().decode(mail("From: a@b.c\nSubject: Hi\n\nBody\n"), "m");
        assertThat(t.text()).isEqualTo("Subject: Hi\n\nBody\r\n");
    }

    @Test
    void quotedPrintableIsDecodedInTheDeclaredCharset() {
        DecodedText t = decode("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "Caf=E9 cr=E8me, soft=\nbreak\n");
        assertThat(t.text()).endsWith("\nCafé crème, softbreak\r\n");
        assertThat(t.notes()).isEmpty();
    }

    @Test
    void base64IsDecoded() {
        String b64 = Base64.getMimeEncoder().encodeToString("Grüße aus Köln".getBytes(StandardCharsets.UTF_8));
        DecodedText t = decode("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + b64 + "\n");
        assertThat(t.text()).endsWith("\nGrüße aus Köln");
    }

    @Test
    void multipartAlternativeGivesEveryTextPartAndHtmlAsText() {
        DecodedText t = decode("Content-Type: multipart/alternative; boundary=\"XX\"\n\npreamble\n--XX\n"
                + "Content-Type: text/plain\n\nplain part\n--XX\nContent-Type: text/html\n\n"
                + "<html><head><style>p {color: red}</style></head><body><p>Buy <b>now</b>&amp; save</p></body></html>\n"
                + "--XX\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nAAECAw==\n--XX--\n");
        assertThat(t.text()).contains("\nplain part").contains("Buy now& save").doesNotContain("<b>")
                .doesNotContain("color: red").doesNotContain("AAECAw");
    }

    @Test
    void nestedMessageIsWalked() {
        DecodedText t = decode("Content-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nouter\n"
                + "--B\nContent-Type: message/rfc822\n\nSubject: inner subject\n\ninner body\n--B--\n");
        assertThat(t.text()).contains("outer").contains("Subject: inner subject").contains("inner body");
    }

    @Test
    void wrongDeclaredCharsetFallsBackWithANote() {
        byte[] body = "Subject: s\nContent-Type: text/plain; charset=utf-8\n\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        DecodedText t = EmailText.withHeaders().decode(body, "m2");
        assertThat(t.text()).endsWith("café\n");
        assertThat(t.notes()).containsExactly("declared charset UTF-8: bytes are not valid utf-8, read as windows-1252");
    }

    @Test
    void unknownCharsetFallsBackWithANote() {
        DecodedText t = decode("Content-Type: text/plain; charset=x-no-such-charset\n\nplain words\n");
        assertThat(t.text()).endsWith("plain words\r\n");
        assertThat(t.notes()).containsExactly("unknown charset 'x-no-such-charset'");
    }

    @Test
    void corruptBase64IsUndecodableNamingTheMessage() {
        assertThatThrownBy(() -> EmailText.withHeaders().decode(mail("Content-Type: text/plain\n"
                + "Content-Transfer-Encoding: base64\n\nQUJD\nQ\n"), "spam/00042"))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("spam/00042").hasMessageContaining("base64");
    }

    @Test
    void multipartWithoutItsBoundaryIsUndecodable() {
        assertThatThrownBy(() -> EmailText.withHeaders().decode(mail("Content-Type: multipart/mixed; boundary=\"NOPE\"\n\n"
                + "text without any boundary line\n"), "m3"))
                .isInstanceOf(UndecodableDocumentException.class).hasMessageContaining("m3")
                .hasMessageContaining("Missing start boundary");
    }
}
