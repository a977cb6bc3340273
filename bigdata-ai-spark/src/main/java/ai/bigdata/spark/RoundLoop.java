package ai.bigdata.spark;

import ai.bigdata.core.eval.EvaluationPart;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.Task;
import ai.bigdata.core.train.TrainingRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The driver's loop of a {@link SparkTrainer} run: each round trains the replicas on the staged rows and
 * averages them into the global network, then evaluates it on the staged validation rows (if any, counters
 * only), and reports the round to core's {@link TrainingRun}, which applies the trainer's listeners, early
 * stopping and checkpoints, until the run is done.
 */
final class RoundLoop {
    private final JavaSparkContext spark;
    private final StagedData data;
    private final RoundPlan plan;
    private final StagedData validation;

    /**
     * @param data the training rows
     * @param plan batch size, seed and local steps or epochs
     * @param validation the validation rows, or null
     */
    RoundLoop(JavaSparkContext spark, StagedData data, RoundPlan plan, StagedData validation) {
        this.spark = spark;
        this.data = data;
        this.plan = plan;
        this.validation = validation;
    }

    /** Trains rounds into {@code network} until {@code run} is done, and finishes the run. */
    SparkTraining run(Network network, TrainingRun run) {
        List<SparkRound> rounds = new ArrayList<>();
        while (!run.done()) {
            long start = System.nanoTime();
            SparkRound r = round(network, run.epoch());
            // a diverged round (a non-finite loss) is not validated: endEpoch ends the run with TrainingDivergedException
            Map<String, Double> metrics = validation == null || !Double.isFinite(r.trainLoss()) ? Map.of() : validationMetrics(network);
            run.endEpoch(r.trainLoss(), r.steps(), metrics, (System.nanoTime() - start) / 1e9);
            rounds.add(r);
        }
        return new SparkTraining(rounds, run.finish());
    }

    private SparkRound round(Network network, int round) {
        long start = System.nanoTime();
        int iteration = network.iterationCount();
        Broadcast<ShippedNetwork> global = spark.broadcast(ShippedNetwork.of(network, true));
        List<PartitionUpdate> updates;
        try {
            updates = data.streams()
                    .mapPartitionsWithIndex(new PartitionTraining(global, ColumnSpec.of(data.schema()), plan, round, iteration), true)
                    .collect();
        } catch (Exception e) {
            throw SparkFailures.rethrow(e);
        } finally {
            global.destroy();
        }
        WeightedAverage.into(network, updates);
        long steps = updates.stream().mapToLong(PartitionUpdate::steps).max().orElse(0);
        network.setIterationCount(Math.toIntExact(iteration + steps));
        network.setEpochCount(round + 1);
        double lossSum = updates.stream().mapToDouble(PartitionUpdate::lossSum).sum();
        long lossRows = updates.stream().mapToLong(PartitionUpdate::lossRows).sum();
        double slowest = updates.stream().mapToDouble(PartitionUpdate::seconds).max().orElse(0);
        return new SparkRound(round + 1, lossSum / Math.max(1, lossRows), updates.size(), steps, (System.nanoTime() - start) / 1e9, slowest);
    }

    /**
     * The validation metrics core's {@code Trainer} reports, without curves: {@code loss} (log loss for a
     * classifier, MSE for a regressor) and the report's metrics, merged from the partitions' states.
     */
    private Map<String, Double> validationMetrics(Network network) {
        EvaluationPart none = SparkEvaluator.emptyPart(network, validation.schema(), false);
        Map<String, Double> all = SparkEvaluator.evaluate(network, validation.schema(), validation.streams(), none, false).metrics();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", network.signature().task() == Task.REGRESSION ? all.get("mse") : all.get("log_loss"));
        m.putAll(all);
        return m;
    }
}
