package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.ForeignArrowFiles;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Predicting a dataset never answers NaN for an infinite feature: the value is refused by column and row. */
@ExtendWith(ArrowLeakCheck.class)
class PredictNonFiniteTest {
    @TempDir
    Path dir;

    @Test
    void anInfiniteFeatureInAForeignArrowFileIsRefusedByColumnAndRow() {
        Schema s = Schema.of(Column.of("x", ColumnType.FLOAT64), Column.of("y", ColumnType.FLOAT64, ColumnRole.LABEL));
        Dataset.RowsBuilder b = Dataset.builder(s);
        for (int i = 0; i < 32; i++) {
            b.add(i / 32.0, 2.0 * i / 32.0);
        }
        NeuralNetwork model = NeuralNetwork.linearRegression().build();
        try (Dataset train = b.build()) {
            Trainer.builder().epochs(1).batchSize(8).seed(1).build().fit(model, train);
        }
        Path file = ForeignArrowFiles.float64Column(dir.resolve("x.arrow"), "x", 2, 0.5, 0.25, 0.75, Double.POSITIVE_INFINITY, 1.0);
        try (Dataset data = Dataset.readArrow(file)) {
            assertThatThrownBy(() -> {
                try (Dataset predicted = model.predict(data); Dataset read = predicted.materialize()) {
                    read.rowCount();
                }
            }).hasMessageContaining("column 'x' holds Infinity in row 3");
        }
    }
}
