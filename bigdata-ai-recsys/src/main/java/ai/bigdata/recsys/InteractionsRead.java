package ai.bigdata.recsys;

import ai.bigdata.core.data.Dataset;
import java.util.List;

/**
 * The result of a {@link GroupLensReader} read: the interactions dataset (which the caller closes, through
 * this object), how many data lines were read, and how many were skipped under
 * {@link ai.bigdata.core.io.ErrorPolicy#SKIP}, with the first reasons (file, line, column, text).
 *
 * @param data the interactions, columns of {@link Interactions#SCHEMA}
 * @param lines data lines read (header and blank lines not counted)
 * @param skipped lines left out
 * @param reasons the messages of the first (at most 100) skipped lines
 */
public record InteractionsRead(Dataset data, long lines, long skipped, List<String> reasons) implements AutoCloseable {
    /** Frees the dataset. */
    @Override
    public void close() {
        data.close();
    }
}
