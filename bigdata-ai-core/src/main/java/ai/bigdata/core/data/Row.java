package ai.bigdata.core.data;

/** Read access to one row, for predicates. Valid only during the call it is passed to. */
public interface Row {
    /** Whether the named cell is null. */
    boolean isNull(String column);

    /** The named cell as a number (see {@link Dataset} for how non-numeric types map), failing on null. */
    double getDouble(String column);

    /** The named cell as text (category name for categoricals), or null. */
    String getString(String column);

    /** The named cell as a Java value, or null. */
    Object get(String column);
}
