package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class ModelSignatureTest {
    @Test
    void sizesAndClassesComeFromTheSchema() {
        Schema s = Schema.of(Column.of("a", ColumnType.FLOAT64), Column.tensor("img", 4, 4),
                Column.categorical("y", ColumnRole.LABEL, List.of("no", "yes")));
        ModelSignature sig = ModelSignature.supervised(s);
        assertThat(sig.featureWidth()).isEqualTo(17);
        assertThat(sig.outputWidth()).isEqualTo(2);
        assertThat(sig.classNames()).containsExactly("no", "yes");
        assertThat(ModelSignature.fromMap(sig.toMap())).isEqualTo(sig);
    }

    @Test
    void badSchemasNameTheColumns() {
        Schema text = Schema.of(Column.of("city", ColumnType.CATEGORICAL), Column.of("y", ColumnType.FLOAT64, ColumnRole.LABEL));
        assertThatThrownBy(() -> ModelSignature.supervised(text)).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("city").hasMessageContaining("encode");
        Schema noLabel = Schema.of(Column.of("a", ColumnType.FLOAT64));
        assertThatThrownBy(() -> ModelSignature.supervised(noLabel)).hasMessageContaining("no label column");
        ModelSignature sig = ModelSignature.supervised(Schema.of(Column.of("a", ColumnType.FLOAT64),
                Column.of("b", ColumnType.FLOAT64), Column.of("y", ColumnType.FLOAT64, ColumnRole.LABEL)));
        assertThatThrownBy(() -> sig.check(Schema.of(Column.of("a", ColumnType.TEXT))))
                .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'a' is text")
                .hasMessageContaining("'b' is missing")
                .extracting(e -> ((SchemaMismatchException) e).columns()).isEqualTo(List.of("a", "b"));
    }

    @Test
    void trainingRefusesEmptyDataAndPredictionRefusesOtherColumns() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region");
             Dataset none = olive.head(0);
             Dataset fewer = olive.drop("oleic")) {
            NeuralNetwork m = NeuralNetwork.logisticRegression().build();
            assertThatThrownBy(() -> Trainer.builder().build().fit(m, none)).hasMessageContaining("empty dataset");
            Trainer.builder().epochs(1).build().fit(m, olive);
            assertThatThrownBy(() -> m.predict(fewer)).isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'oleic'");
            NeuralNetwork linear = NeuralNetwork.linearRegression().build();
            assertThatThrownBy(() -> Trainer.builder().build().fit(linear, olive)).isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("numeric label");
        }
    }
}
