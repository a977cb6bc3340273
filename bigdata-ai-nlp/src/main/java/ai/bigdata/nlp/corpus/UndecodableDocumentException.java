package ai.bigdata.nlp.corpus;

import ai.bigdata.core.io.DataFormatException;

/** A document whose bytes cannot be turned into text (a broken MIME structure, corrupt base64, ...). */
public class UndecodableDocumentException extends DataFormatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param document the document's name (its path in the corpus)
     * @param message  what is wrong
     * @param cause    the underlying failure, or null
     */
    public UndecodableDocumentException(String document, String message, Throwable cause) {
        super(document, message, cause);
    }
}
