package ai.bigdata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Prediction;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkArrowLeakCheck.class)
class SparkPredictorTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path bundleFile;
    static SparkPredictor predictor;
    /** Olive with nulls (median imputation fills them), the label and the unused region column kept. */
    static org.apache.spark.sql.Dataset<Row> olive;

    @BeforeAll
    static void trainSaveAndLoad() {
        spark = LocalSpark.session();
        try (Dataset raw = SparkDataFramesTest.oliveWithNulls(); Dataset train = raw.drop("region")) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(train);
            try (Dataset features = prep.apply(train)) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(16).build();
                Trainer.builder().epochs(5).seed(1).build().fit(model, features);
                bundleFile = dir.resolve("olive.bundle");
                ModelBundle.of(prep, model, train.schema()).save(bundleFile);
            }
            olive = DataFrames.toDataFrame(spark, raw).cache();
        }
        predictor = SparkPredictor.load(spark, bundleFile);
    }

    @AfterAll
    static void release() {
        if (predictor != null) { // null when the class was skipped for want of its data
            predictor.close();
        }
    }

    @Test
    void distributedPredictionsEqualTheLocalPredictorRowForRow() {
        List<Row> in = olive.collectAsList();
        var predicted = predictor.predict(olive);
        assertThat(predicted.rdd().getNumPartitions()).isEqualTo(2);
        assertThat(predicted.columns()).endsWith("prediction", "probabilities");
        assertThat(predicted.schema().apply("probabilities").dataType())
                .isEqualTo(DataTypes.createArrayType(DataTypes.FloatType, false));
        List<Row> out = predicted.collectAsList();
        assertThat(out).hasSize(572);

        Predictor local = Predictor.load(bundleFile);
        List<String> inputs = local.inputSchema().names();
        assertThat(predictor.inputColumns()).isEqualTo(inputs);
        for (int r = 0; r < in.size(); r++) {
            Row row = in.get(r);
            Map<String, Object> values = new LinkedHashMap<>();
            for (String n : inputs) {
                values.put(n, row.get(row.fieldIndex(n)));
            }
            Prediction expected = local.predict(values);
            Row got = out.get(r);
            for (int c = 0; c < row.length(); c++) {
                assertThat(got.get(c)).as("row %d, input column %d carried through", r, c).isEqualTo(row.get(c));
            }
            assertThat(got.getString(got.fieldIndex("prediction"))).as("row %d", r).isEqualTo(expected.label());
            List<Float> probabilities = got.getList(got.fieldIndex("probabilities"));
            List<Float> expectedProbabilities = new ArrayList<>();
            for (double p : expected.values()) {
                expectedProbabilities.add((float) p);
            }
            assertThat(probabilities).as("row %d", r).isEqualTo(expectedProbabilities);
        }
    }

    @Test
    void aRegressorAppendsADoublePredictionEqualToTheLocalOne() {
        Path regressor = dir.resolve("eicosenoic.bundle");
        try (Dataset raw = SparkDataFramesTest.oliveWithNulls(); Dataset numbers = raw.drop("region", "area");
             Dataset train = numbers.withRole("eicosenoic", ai.bigdata.core.data.ColumnRole.LABEL)) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(train);
            try (Dataset prepared = prep.apply(train); Dataset features = prepared.filter(r -> !r.isNull("eicosenoic"))) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(8).build();
                Trainer.builder().epochs(2).seed(1).build().fit(model, features);
                ModelBundle.of(prep, model, train.schema()).save(regressor);
            }
        }
        List<Row> in = olive.collectAsList();
        List<Row> out;
        try (SparkPredictor p = SparkPredictor.load(spark, regressor)) {
            var predicted = p.predict(olive);
            assertThat(predicted.schema().apply("prediction").dataType()).isEqualTo(DataTypes.DoubleType);
            assertThat(predicted.columns()).doesNotContain("probabilities");
            out = predicted.collectAsList();
        }
        Predictor local = Predictor.load(regressor);
        for (int r = 0; r < in.size(); r++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String n : local.inputSchema().names()) {
                values.put(n, in.get(r).get(in.get(r).fieldIndex(n)));
            }
            assertThat(out.get(r).getDouble(out.get(r).fieldIndex("prediction"))).as("row %d", r)
                    .isEqualTo(local.predict(values).values()[0]);
        }
    }

    @Test
    void aMissingColumnIsNamedBeforeAnyJobRuns() {
        assertThatThrownBy(() -> predictor.predict(olive.drop("oleic")))
                .isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("lacks column 'oleic' (float64)")
                .extracting(e -> ((ColumnMismatchException) e).column()).isEqualTo("oleic");
    }

    @Test
    void aColumnOfTheWrongTypeIsNamed() {
        var text = olive.withColumn("linoleic", functions.col("linoleic").cast("string"));
        assertThatThrownBy(() -> predictor.predict(text))
                .isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("'linoleic' is string in the DataFrame but the model reads it as float64")
                .extracting(e -> ((ColumnMismatchException) e).column()).isEqualTo("linoleic");
    }

    @Test
    void aValueThePredictorRefusesFailsTheJobNamingItsColumn() {
        var withNaN = olive.withColumn("stearic", functions.when(functions.col("oleic").gt(80), Double.NaN)
                .otherwise(functions.col("stearic")));
        var predicted = predictor.predict(withNaN);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(predicted::collectAsList);
        ColumnMismatchException cause = null;
        for (Throwable t = thrown; t != null && cause == null; t = t.getCause()) {
            cause = t instanceof ColumnMismatchException c ? c : null;
        }
        assertThat(cause).as("a ColumnMismatchException among the causes of %s", thrown).isNotNull();
        assertThat(cause.column()).isEqualTo("stearic");
        assertThat(cause.getMessage()).contains("partition").contains("stearic");
    }

    @Test
    void readmeExampleRunsAsWritten() throws java.io.IOException {
        var frame = SparkDataFramesTest.plainOlive(spark);
        org.apache.spark.sql.Dataset<Row> back;
        List<Row> predicted;
        // README-SPARK-BEGIN
        try (Dataset olive = DataFrames.reader(frame).label("area").categorical("region").read()) {
            back = DataFrames.toDataFrame(spark, olive);            // types, roles and categories in field metadata
        }
        try (SparkPredictor predictor = SparkPredictor.load(spark, bundleFile)) {
            predicted = predictor.predict(frame).collectAsList();  // each row + prediction, probabilities
        }
        // README-SPARK-END
        assertThat(back.collectAsList()).isEqualTo(frame.collectAsList());
        assertThat(predicted).hasSize(572);
        assertThat(predicted.get(0).length()).isEqualTo(frame.columns().length + 2);

        assertThat(ReadmeBlocks.readme()).contains(ReadmeBlocks.block("SparkPredictorTest.java", "SPARK"));
    }

    @Test
    void largerBatchesAgreeToFloatRounding() {
        List<Row> small = predictor.predict(olive).collectAsList();
        List<Row> large;
        try (SparkPredictor wide = SparkPredictor.load(spark, bundleFile).batchRows(500)) {
            large = wide.predict(olive).collectAsList();
        }
        for (int r = 0; r < small.size(); r++) {
            List<Float> a = small.get(r).getList(small.get(r).fieldIndex("probabilities"));
            List<Float> b = large.get(r).getList(large.get(r).fieldIndex("probabilities"));
            for (int k = 0; k < a.size(); k++) {
                assertThat(b.get(k)).isCloseTo(a.get(k), org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }
}
