package ai.bigdata.core.prep;

import java.util.List;

/** A fitted encoder of categorical columns (one-hot or ordinal), as {@link Encode#fit} returns it. */
public interface CategoryEncoding extends Transform {
    /** The fitted categories of an encoded column, in output (or code) order. */
    List<String> categories(String column);
}
