package ai.bigdata.nlp.corpus;

import ai.bigdata.core.data.Dataset;

/**
 * A corpus dataset (text, label and id columns) together with the report of how it was read. Closing it
 * closes the dataset.
 *
 * @param dataset the documents, one row each, sorted by id
 * @param report  what was kept, left out and why
 */
public record CorpusRead(Dataset dataset, CorpusReport report) implements AutoCloseable {
    @Override
    public void close() {
        dataset.close();
    }
}
