package ai.bigdata.benchmarks.recsys;

import ai.bigdata.recsys.Interactions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Apache Spark MLlib's explicit ALS on a train / test split in a local Spark session ({@code local[threads]}):
 * the two parts become cached DataFrames (user and item ids as int, as MLlib requires, rating as float),
 * {@link #fit} trains {@code ALS} with the given rank, iterations and {@code regParam} (seed 42, MLlib's other
 * defaults: 10 user and 10 item blocks, no non-negativity), and {@link #rmse} scores the test part with
 * {@code coldStartStrategy = drop}: rows whose user or item is not in train are left out.
 */
public final class SparkAlsBaseline implements AutoCloseable {
    private final SparkSession spark;
    private final Dataset<Row> train;
    private final Dataset<Row> test;
    private final ALS als;

    /**
     * Starts the session and caches both parts (counted, so that loading is not part of a fit).
     *
     * @throws IllegalArgumentException when an id does not fit MLlib's int ids
     */
    public SparkAlsBaseline(Interactions trainPart, Interactions testPart, int threads, int rank, int iterations, double reg) {
        spark = SparkSession.builder()
                .master("local[" + threads + "]")
                .appName("bigdata-ai-bench-spark-als")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", String.valueOf(threads))
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        train = frame(trainPart).cache();
        test = frame(testPart).cache();
        train.count();
        test.count();
        als = new ALS().setRank(rank).setMaxIter(iterations).setRegParam(reg).setImplicitPrefs(false)
                .setUserCol(Interactions.USER).setItemCol(Interactions.ITEM).setRatingCol(Interactions.RATING)
                .setColdStartStrategy("drop").setSeed(42);
    }

    private Dataset<Row> frame(Interactions data) {
        StructType schema = new StructType()
                .add(Interactions.USER, DataTypes.IntegerType, false)
                .add(Interactions.ITEM, DataTypes.IntegerType, false)
                .add(Interactions.RATING, DataTypes.FloatType, false);
        List<Row> rows = new ArrayList<>(data.size());
        for (int r = 0; r < data.size(); r++) {
            rows.add(RowFactory.create(intId("user", data.user(r)), intId("item", data.item(r)), data.rating(r)));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static int intId(String kind, long id) {
        if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(kind + " id " + id + " does not fit Spark MLlib's int ids");
        }
        return (int) id;
    }

    /** Trains MLlib's ALS on the cached training part (its factors are computed and cached before it returns). */
    public ALSModel fit() {
        return als.fit(train);
    }

    /** The test RMSE of {@code model} on the rows MLlib can score (cold rows dropped), and how many rows that was. */
    public double[] rmse(ALSModel model) {
        Dataset<Row> predicted = model.transform(test).cache();
        try {
            double rmse = new RegressionEvaluator().setMetricName("rmse").setLabelCol(Interactions.RATING)
                    .setPredictionCol("prediction").evaluate(predicted);
            return new double[] {rmse, predicted.count()};
        } finally {
            predicted.unpersist();
            model.userFactors().unpersist();
            model.itemFactors().unpersist();
        }
    }

    @Override
    public void close() {
        spark.stop();
    }
}
