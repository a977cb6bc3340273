package ai.bigdata.core.serve;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Clean;
import ai.bigdata.core.prep.Encode;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.Unknown;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small synthetic data and trained bundles for the serving tests (no shared data needed): a tabular
 * classifier (two float64 columns, a float32 one, an int32 count and a categorical colour; one-hot
 * encoded, imputed and scaled, the encoder first, so that its refusal of an unseen category leaves no
 * intermediate dataset behind)
 * and a sequence classifier (an LSTM over a [6, 2] tensor column).
 */
final class ServeFixtures {
    static final List<String> COLOURS = List.of("blue", "green", "red");
    static final Schema TABULAR = new Schema(List.of(Column.of("x1", ColumnType.FLOAT64), Column.of("x2", ColumnType.FLOAT64),
            Column.of("x3", ColumnType.FLOAT32), Column.of("count", ColumnType.INT32), Column.categorical("colour", ColumnRole.FEATURE, COLOURS),
            Column.categorical("label", ColumnRole.LABEL, List.of("a", "b", "c"))));
    static final Schema SEQUENCE = new Schema(List.of(Column.tensor("seq", 6, 2),
            Column.categorical("label", ColumnRole.LABEL, List.of("down", "up"))));

    /** A trained model with its transform and the bundle saved from them. */
    record Trained(Transform prep, NeuralNetwork model, Trainer trainer, ModelBundle bundle, Path file) {
    }

    private ServeFixtures() {
    }

    /** Raw feature rows (no label) of the tabular data. */
    static List<Map<String, Object>> tabularRows(int n, long seed) {
        Random rnd = new Random(seed);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("x1", Math.round(rnd.nextGaussian() * 1000) / 1000.0);
            r.put("x2", Math.round(rnd.nextGaussian() * 1000) / 1000.0);
            r.put("x3", (float) (Math.round(rnd.nextGaussian() * 100) / 100.0));
            r.put("count", rnd.nextInt(10));
            r.put("colour", COLOURS.get(rnd.nextInt(3)));
            rows.add(r);
        }
        return rows;
    }

    private static String tabularLabel(Map<String, Object> r) {
        double score = (Double) r.get("x1") + 0.5 * (Double) r.get("x2") + ("red".equals(r.get("colour")) ? 1 : 0)
                + 0.1 * (Integer) r.get("count") - 0.45;
        return score < -0.3 ? "a" : score < 0.9 ? "b" : "c";
    }

    /** The tabular training data (labelled). */
    static Dataset tabular(int n, long seed) {
        Dataset.RowsBuilder b = Dataset.builder(TABULAR);
        for (Map<String, Object> r : tabularRows(n, seed)) {
            b.add(r.get("x1"), r.get("x2"), r.get("x3"), r.get("count"), r.get("colour"), tabularLabel(r));
        }
        return b.build();
    }

    /** Raw sequence rows (no label). */
    static List<Map<String, Object>> sequenceRows(int n, long seed) {
        Random rnd = new Random(seed);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] seq = new float[12];
            for (int k = 0; k < seq.length; k++) {
                seq[k] = (float) rnd.nextGaussian();
            }
            rows.add(Map.of("seq", seq));
        }
        return rows;
    }

    /** The sequence training data: up when the first channel sums to more than 0. */
    static Dataset sequences(int n, long seed) {
        Dataset.RowsBuilder b = Dataset.builder(SEQUENCE);
        for (Map<String, Object> r : sequenceRows(n, seed)) {
            float[] seq = (float[]) r.get("seq");
            double sum = 0;
            for (int t = 0; t < 6; t++) {
                sum += seq[2 * t];
            }
            b.add(seq, sum > 0 ? "up" : "down");
        }
        return b.build();
    }

    /** An MLP on the tabular data behind a one-hot encoder with {@code policy} and standard scaling, saved to {@code dir}. */
    static Trained tabularBundle(Path dir, Unknown policy, int epochs) {
        try (Dataset train = tabular(400, 7)) {
            Transform prep = Pipeline.of(Encode.oneHot().unknown(policy), Impute.median(),
                    Scale.standard().columns("x1", "x2", "x3", "count")).fit(train);
            NeuralNetwork model = NeuralNetwork.mlp().hidden(16).build();
            Trainer trainer = Trainer.builder().epochs(epochs).batchSize(32).seed(3).build();
            try (Dataset features = prep.apply(train)) {
                trainer.fit(model, features);
            }
            Path file = dir.resolve("tabular-" + policy + ".bundle");
            ModelBundle bundle = ModelBundle.of(prep, model, TABULAR).save(file);
            return new Trained(prep, model, trainer, bundle, file);
        }
    }

    /** An LSTM sequence classifier (no preprocessing to speak of), saved to {@code dir}. */
    static Trained sequenceBundle(Path dir) {
        try (Dataset train = sequences(200, 11)) {
            Transform prep = Pipeline.of(Clean.dropColumnsMissingMoreThan(0.99)).fit(train);
            NeuralNetwork model = NeuralNetwork.lstm().units(8).build();
            Trainer trainer = Trainer.builder().epochs(3).batchSize(32).seed(5).build();
            trainer.fit(model, train);
            Path file = dir.resolve("lstm.bundle");
            ModelBundle bundle = ModelBundle.of(prep, model, SEQUENCE).save(file);
            return new Trained(prep, model, trainer, bundle, file);
        }
    }
}
