package ai.bigdata.core.io;

/** What a reader does with a row it cannot read. */
public enum ErrorPolicy {
    /** Throw a {@link DataFormatException} naming file, line, column and text (the default). */
    FAIL,
    /** Leave the row out and count it in the {@link ReadReport}. */
    SKIP,
    /** Leave the row out, count it, and copy its raw text to a side file for later repair. */
    QUARANTINE
}
