package ai.bigdata.core.prep;

/**
 * A preprocessor cannot be fitted from partial statistics (it is neither a {@link PartialFit} nor a
 * {@link Pipeline} of them): fit it on the whole dataset with {@link Preprocessor#fit} instead.
 */
public final class PartialFitUnsupportedException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final String preprocessor;

    /** The error for {@code preprocessor}, named by its {@code toString()}. */
    public PartialFitUnsupportedException(Preprocessor preprocessor) {
        super(name(preprocessor) + " cannot be fitted from partial statistics: only scalers (standard, min-max, max-abs,"
                + " robust, log1p), imputers, category imputers, encoders (one-hot, ordinal, hashing), bucketising, assembly,"
                + " the cleaning steps other than duplicate dropping, and pipelines of them can; fit it on the whole dataset"
                + " instead");
        this.preprocessor = name(preprocessor);
    }

    /** Its own {@code toString()}, else its class's simple name (for a lambda, the class that made it). */
    private static String name(Preprocessor p) {
        String className = p.getClass().getName();
        String text = String.valueOf(p);
        if (!text.startsWith(className + "@")) {
            return text;
        }
        int lambda = className.indexOf("$$Lambda");
        String owner = lambda < 0 ? className : className.substring(0, lambda);
        owner = owner.substring(owner.lastIndexOf('.') + 1);
        return lambda < 0 ? owner : "a preprocessor made by " + owner;
    }

    /** The preprocessor at fault, as its {@code toString()} names it. */
    public String preprocessor() {
        return preprocessor;
    }
}
