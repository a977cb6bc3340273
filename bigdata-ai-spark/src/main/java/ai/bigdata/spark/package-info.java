/**
 * Apache Spark integration. {@link ai.bigdata.spark.DataFrames} turns a DataFrame into a core
 * {@code Dataset} and back, partition by partition through Arrow IPC streams, keeping column types,
 * roles, categories and nulls; {@link ai.bigdata.spark.SparkPredictor} runs a saved model bundle over
 * a DataFrame, one {@code Predictor} per partition. Distributed preprocessing and training are still
 * to come (see the README).
 */
package ai.bigdata.spark;
