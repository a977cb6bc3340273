package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import java.util.List;

/** Small text datasets for tests. */
public final class TextDatasets {
    private TextDatasets() {
    }

    /** A dataset with one text column {@code text} (null elements become nulls). */
    static Dataset of(List<String> texts) {
        try (DatasetWriter w = Dataset.writer(Schema.of(Column.of("text", ColumnType.TEXT)))) {
            for (String t : texts) {
                w.column(0).appendText(t);
                w.endRow();
            }
            return w.build();
        }
    }

    /** Texts with a categorical label {@code label} (categories a, b) and an id column {@code id}. */
    static Dataset labelled(List<String> texts, List<String> labels) {
        return labelled(texts, labels, List.of("a", "b"));
    }

    /** Texts with a categorical label {@code label} of these categories and an id column {@code id} (doc0, doc1, ...). */
    public static Dataset labelled(List<String> texts, List<String> labels, List<String> categories) {
        Schema s = Schema.of(Column.of("id", ColumnType.TEXT, ColumnRole.ID), Column.of("text", ColumnType.TEXT),
                Column.categorical("label", ColumnRole.LABEL, categories));
        try (DatasetWriter w = Dataset.writer(s)) {
            for (int i = 0; i < texts.size(); i++) {
                w.column(0).appendText("doc" + i);
                w.column(1).appendText(texts.get(i));
                w.column(2).appendCategory(labels.get(i));
                w.endRow();
            }
            return w.build();
        }
    }
}
