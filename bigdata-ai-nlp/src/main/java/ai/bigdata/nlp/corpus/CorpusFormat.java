package ai.bigdata.nlp.corpus;

/** How each file of a folder corpus is turned into text. */
public enum CorpusFormat {
    /** Plain text in a declared charset (UTF-8 unless told otherwise), with a counted fall-back for bytes that are not. */
    PLAIN_TEXT,
    /**
     * RFC 822 / MIME e-mail: header lines (encoded words decoded) followed by the text of every text part
     * (quoted-printable and base64 decoded, declared charsets honoured with a counted fall-back, HTML reduced
     * to text); attachments that are not text are left out.
     */
    EMAIL
}
