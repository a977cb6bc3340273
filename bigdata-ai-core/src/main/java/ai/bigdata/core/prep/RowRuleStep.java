package ai.bigdata.core.prep;

import ai.bigdata.core.data.Schema;

/**
 * A cleaning step that fits nothing: each row is kept, dropped or rewritten by a fixed rule (too many
 * missing values, a number outside a range, a text not matching a pattern, a free-typed length to
 * parse). Fitting only checks the columns, so it fits from parts of the data as from the whole, with the
 * same transform.
 */
final class RowRuleStep implements SchemaOnlyFit {
    private static final long serialVersionUID = 1L;

    /** The rule of the step. */
    enum Rule { MISSING_ROWS, INVALID_OUTSIDE, INVALID_NOT_MATCHING, PARSE_LENGTH }

    private final Rule rule;
    private final String column;
    private final String text;
    private final double low;
    private final double high;

    /**
     * @param column the column the rule reads (null for {@link Rule#MISSING_ROWS})
     * @param text   the pattern ({@link Rule#INVALID_NOT_MATCHING}) or output column ({@link Rule#PARSE_LENGTH})
     * @param low    the lowest valid number, or the largest missing fraction for {@link Rule#MISSING_ROWS}
     */
    RowRuleStep(Rule rule, String column, String text, double low, double high) {
        this.rule = rule;
        this.column = column;
        this.text = text;
        this.low = low;
        this.high = high;
    }

    /** The rule's transform, its columns checked against {@code schema}. */
    @Override
    public Transform fitSchema(Schema schema) {
        Transform t = transform();
        t.outputSchema(schema);
        return t;
    }

    private Transform transform() {
        return switch (rule) {
            case MISSING_ROWS -> new RowFilterTransform(RowFilterTransform.Rule.MISSING, null, low, false);
            case INVALID_OUTSIDE -> new InvalidToNullTransform(column, low, high, null);
            case INVALID_NOT_MATCHING -> new InvalidToNullTransform(column, 0, 0, text);
            case PARSE_LENGTH -> new LengthParseTransform(column, text);
        };
    }

    @Override
    public String toString() {
        return switch (rule) {
            case MISSING_ROWS -> "drop rows missing more than " + low;
            case INVALID_OUTSIDE -> "invalid outside [" + low + ", " + high + "] in " + column;
            case INVALID_NOT_MATCHING -> "invalid not matching '" + text + "' in " + column;
            case PARSE_LENGTH -> "parse lengths of " + column + " into " + text;
        };
    }
}
