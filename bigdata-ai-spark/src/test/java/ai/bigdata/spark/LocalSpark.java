package ai.bigdata.spark;

import org.apache.spark.sql.SparkSession;

/** The local Spark session of the tests: two worker threads, no UI, loopback only; started once per JVM. */
final class LocalSpark {
    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("bigdata-ai-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
