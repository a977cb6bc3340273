package ai.bigdata.core.io;

/**
 * Input that cannot be read as data: a malformed file, a value of the wrong type, a truncated Arrow
 * file. The message names the source and, where it has them, the line, the column and the offending
 * text.
 */
public class DataFormatException extends RuntimeException {
    private final String source;
    private final long line;
    private final String column;
    private final String text;

    /** A problem with a whole source (no line or column). */
    public DataFormatException(String source, String message) {
        this(source, -1, null, null, message, null);
    }

    /** A problem with a whole source, with its cause. */
    public DataFormatException(String source, String message, Throwable cause) {
        this(source, -1, null, null, message, cause);
    }

    /** A problem at a line and column, with the offending text. */
    public DataFormatException(String source, long line, String column, String text, String message, Throwable cause) {
        super(render(source, line, column, text, message), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.text = text;
    }

    private static String render(String source, long line, String column, String text, String message) {
        StringBuilder sb = new StringBuilder(source == null ? "<input>" : source);
        if (line >= 0) {
            sb.append(", line ").append(line);
        }
        if (column != null) {
            sb.append(", column ").append(column);
        }
        sb.append(": ").append(message);
        if (text != null) {
            String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
            sb.append(" (text: \"").append(shown).append("\")");
        }
        return sb.toString();
    }

    /** The file or stream the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line, or -1 when the problem is not at a line. */
    public long line() {
        return line;
    }

    /** The column (position and name), or null. */
    public String column() {
        return column;
    }

    /** The offending text, or null. */
    public String text() {
        return text;
    }

    /** The message without source, line and column. */
    public String reason() {
        String m = getMessage();
        int i = m.indexOf(": ");
        return i < 0 ? m : m.substring(i + 2);
    }
}
