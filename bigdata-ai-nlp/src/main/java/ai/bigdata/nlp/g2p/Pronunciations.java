package ai.bigdata.nlp.g2p;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import java.util.List;

/** Pronunciations as a dataset: a text column of spellings and one of phonemes separated by spaces. */
public final class Pronunciations {
    private Pronunciations() {
    }

    /** The schema of {@link #dataset}: {@code word} and {@code phonemes}, both text. */
    public static Schema schema() {
        return Schema.of(Column.of(PronunciationColumns.DEFAULT.word(), ColumnType.TEXT, ColumnRole.FEATURE),
                Column.of(PronunciationColumns.DEFAULT.phonemes(), ColumnType.TEXT, ColumnRole.LABEL));
    }

    /** The raw input a served model reads: the {@code word} column only. */
    public static Schema spellingSchema() {
        return Schema.of(Column.of(PronunciationColumns.DEFAULT.word(), ColumnType.TEXT, ColumnRole.FEATURE));
    }

    /** The entries in order, one row each. */
    public static Dataset dataset(List<Pronunciation> entries) {
        try (DatasetWriter w = Dataset.writer(schema())) {
            for (Pronunciation p : entries) {
                w.column(0).appendText(p.word());
                w.column(1).appendText(p.phonemeText());
                w.endRow();
            }
            return w.build();
        }
    }
}
