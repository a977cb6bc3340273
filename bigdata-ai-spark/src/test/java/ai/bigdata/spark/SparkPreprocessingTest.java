package ai.bigdata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Assemble;
import ai.bigdata.core.prep.Bucketize;
import ai.bigdata.core.prep.Clean;
import ai.bigdata.core.prep.Encode;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.PartialFitUnsupportedException;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import ai.bigdata.core.testing.JsonDifference;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fitting preprocessing over a DataFrame's partitions in local[2] gives the local fit's transform. */
@ExtendWith(SparkArrowLeakCheck.class)
class SparkPreprocessingTest {
    static SparkSession spark;
    /** Olive with nulls in every column but the label, without region, in two partitions. */
    static org.apache.spark.sql.Dataset<Row> frame;
    /** The same with region (categorical, with nulls). */
    static org.apache.spark.sql.Dataset<Row> withRegion;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
        try (Dataset all = SparkDataFramesTest.oliveWithNulls(); Dataset olive = all.drop("region")) {
            frame = DataFrames.toDataFrame(spark, olive).cache();
            withRegion = DataFrames.toDataFrame(spark, all);
        }
    }

    @AfterAll
    static void stop() {
        if (frame != null) { // null when the class was skipped for want of its data
            frame.unpersist();
        }
    }

    /** The rows of {@link #frame} as a core dataset (the caller closes it). */
    static Dataset olive() {
        try (Dataset all = SparkDataFramesTest.oliveWithNulls(); Dataset olive = all.drop("region")) {
            return olive.materialize();
        }
    }

    static Pipeline imputeScaleOneHot() {
        return Pipeline.of(Impute.mean(), Impute.mostFrequentCategory("area"), Scale.standard(), Encode.oneHot().columns("area"));
    }

    @Test
    void imputeStandardScalingAndOneHotEqualTheLocalFit() {
        String local;
        try (Dataset olive = olive()) {
            local = TransformJson.write(imputeScaleOneHot().fit(olive));
        }
        assertThat(frame.rdd().getNumPartitions()).isEqualTo(2);
        for (var f : java.util.List.of(frame, frame.repartition(7))) {
            double diff = JsonDifference.largestRelative(local, TransformJson.write(SparkPreprocessing.fit(imputeScaleOneHot(), f)));
            System.out.printf("olive in %d Spark partitions: largest relative difference %.3g%n", f.rdd().getNumPartitions(), diff);
            assertThat(diff).isLessThanOrEqualTo(1e-12);
        }
        // one partition: one pass over the same rows, so the same bits
        assertThat(TransformJson.write(SparkPreprocessing.fit(imputeScaleOneHot(), frame.coalesce(1)))).isEqualTo(local);
    }

    @Test
    void exactStatisticsGiveTheLocalJsonOverShuffledPartitions() {
        Pipeline exact = Pipeline.of(Impute.median(), Scale.robust(), Scale.minMax(), Scale.maxAbs(), Encode.ordinal().columns("area"),
                Bucketize.quantiles(4).columns("oleic"));
        try (Dataset olive = olive()) {
            assertThat(TransformJson.write(SparkPreprocessing.fit(exact, frame.repartition(5))))
                    .isEqualTo(TransformJson.write(exact.fit(olive)));
        }
    }

    @Test
    void aFittedTransformAppliesPartitionByPartitionAsLocally() {
        Transform fitted = SparkPreprocessing.fit(imputeScaleOneHot(), frame);
        try (Dataset olive = olive(); Dataset expected = fitted.apply(olive);
             Dataset actual = DataFrames.toDataset(SparkPreprocessing.apply(fitted, frame))) {
            assertThat(actual.schema()).isEqualTo(expected.schema());
            assertThat(SparkDataFramesTest.cells(actual)).isEqualTo(SparkDataFramesTest.cells(expected));
        }
    }

    @Test
    void readmeExampleRunsAsWritten() throws java.io.IOException {
        Transform fitted;
        org.apache.spark.sql.Dataset<Row> prepared;
        // README-SPARK-PREP-BEGIN
        Pipeline prep = Pipeline.of(Impute.mean(), Impute.mostFrequentCategory("area"), Scale.standard(),
                Encode.oneHot().columns("area"));
        fitted = SparkPreprocessing.fit(prep, frame);          // statistics per partition, merged by Spark
        prepared = SparkPreprocessing.apply(fitted, frame);    // the fitted transform, partition by partition
        // README-SPARK-PREP-END
        assertThat(prepared.columns()).contains("area=Umbria", "oleic");
        assertThat(prepared.count()).isEqualTo(572);
        assertThat(ReadmeBlocks.readme()).contains(ReadmeBlocks.block("SparkPreprocessingTest.java", "SPARK-PREP"));
    }

    @Test
    void aStepWithoutPartialStatisticsFailsBeforeAnyJob() {
        assertThatThrownBy(() -> SparkPreprocessing.fit(Pipeline.of(Impute.mean(), Clean.dropDuplicates()), frame))
                .isInstanceOf(PartialFitUnsupportedException.class)
                .hasMessageContaining("cannot be fitted from partial statistics");
    }

    @Test
    void cleaningAndAssemblyFitOnTheClusterAsLocallyAndApplyPartitionByPartition() {
        Pipeline clean = Pipeline.of(Clean.invalidOutside("palmitic", 800, 1500), Clean.dropRowsMissingMoreThan(0.2),
                Clean.dropColumnsMissingMoreThan(0.1), Clean.clipIqr(1.5), Impute.median(), Assemble.into("features"));
        try (Dataset olive = olive()) {
            Transform local = clean.fit(olive);
            Transform fitted = SparkPreprocessing.fit(clean, frame.repartition(5));
            assertThat(TransformJson.write(fitted)).isEqualTo(TransformJson.write(local));
            try (Dataset expected = local.apply(olive); Dataset actual = DataFrames.toDataset(SparkPreprocessing.apply(fitted, frame))) {
                assertThat(actual.rowCount()).as("rows with too many holes are dropped").isLessThan(olive.rowCount());
                assertThat(actual.schema()).isEqualTo(expected.schema());
                assertThat(SparkDataFramesTest.cells(actual)).isEqualTo(SparkDataFramesTest.cells(expected));
            }
            Transform dedupe = Clean.dropDuplicates("area").fit(olive);
            assertThatThrownBy(() -> SparkPreprocessing.apply(dedupe, frame)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("duplicate dropping").hasMessageContaining("dropDuplicates");
        }
    }

    @Test
    void aProblemFoundOnAnExecutorIsThePreprocessingExceptionNamingTheColumn() {
        assertThatThrownBy(() -> SparkPreprocessing.fit(Encode.oneHot().columns("region"), withRegion))
                .isInstanceOf(PreprocessingException.class)
                .hasMessageContaining("column 'region'")
                .hasMessageContaining("impute them before encoding");
    }

    @Test
    void aFrameWithoutRowsFailsAsTheLocalFitOnAnEmptyDataset() {
        assertThatThrownBy(() -> SparkPreprocessing.fit(Pipeline.of(Scale.log1p(), Scale.standard()), frame.limit(0)))
                .isInstanceOf(PreprocessingException.class)
                .hasMessage("standard scaling cannot be fitted on an empty dataset");
    }
}
