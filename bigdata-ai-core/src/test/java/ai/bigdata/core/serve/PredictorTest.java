package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.internal.SealedZip;
import ai.bigdata.core.internal.ZipParts;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Trainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class PredictorTest {
    @TempDir
    static Path dir;
    static Path bundleFile;
    static List<Map<String, Object>> rows = new ArrayList<>();
    static List<String> expected = new ArrayList<>();
    static double testAccuracy;

    @BeforeAll
    static void trainAndSave() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region");
             Split split = olive.split().train(0.8).test(0.2).stratifyBy("area").seed(42).build()) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(split.train());
            try (Dataset train = prep.apply(split.train()); Dataset test = prep.apply(split.test())) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(32).build();
                Trainer trainer = Trainer.builder().epochs(30).seed(1).build();
                trainer.fit(model, train);
                var report = Evaluator.classification().evaluate(model, test);
                testAccuracy = report.accuracy();
                bundleFile = dir.resolve("olive.bundle");
                ModelBundle.of(prep, model, olive.schema()).metrics("test", report).provenance(split.train(), trainer, 1)
                        .save(bundleFile);
                try (Dataset predicted = model.predict(test)) {
                    predicted.forEachRow(r -> expected.add(r.getString("prediction")));
                }
            }
            split.test().forEachRow(r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String n : olive.schema().names()) {
                    if (!n.equals("area")) {
                        row.put(n, r.get(n));
                    }
                }
                rows.add(row);
            });
        }
    }

    @Test
    void reloadedBundlePredictsLikeTheTrainedModel() {
        Predictor p = Predictor.load(bundleFile);
        List<Prediction> got = p.predictAll(rows);
        assertThat(got.stream().map(Prediction::label).toList()).isEqualTo(expected);
        assertThat(got.get(0).probabilities()).hasSize(9);
        assertThat(got.get(0).probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-5));
        assertThat(p.predict(rows.get(3)).label()).isEqualTo(expected.get(3));
        @SuppressWarnings("unchecked")
        Map<String, Object> test = (Map<String, Object>) ((Map<String, Object>) p.manifest().get("metrics")).get("test");
        assertThat((Double) test.get("accuracy")).isEqualTo(testAccuracy);
        @SuppressWarnings("unchecked")
        Map<String, Object> prov = (Map<String, Object>) p.manifest().get("provenance");
        assertThat((String) prov.get("dataFingerprint")).hasSize(64);
    }

    @Test
    void badRowsNameTheColumn() {
        Predictor p = Predictor.load(bundleFile);
        Map<String, Object> missing = new HashMap<>(rows.get(0));
        missing.remove("oleic");
        assertThatThrownBy(() -> p.predict(missing)).isInstanceOf(InvalidRowException.class).hasMessageContaining("'oleic'")
                .extracting(e -> ((InvalidRowException) e).column()).isEqualTo("oleic");
        Map<String, Object> extra = new HashMap<>(rows.get(0));
        extra.put("colour", "green");
        assertThatThrownBy(() -> p.predict(extra)).isInstanceOf(InvalidRowException.class).hasMessageContaining("'colour'");
        Map<String, Object> mistyped = new HashMap<>(rows.get(0));
        mistyped.put("linoleic", "lots");
        assertThatThrownBy(() -> p.predict(mistyped)).isInstanceOf(InvalidRowException.class).hasMessageContaining("'linoleic'")
                .extracting(e -> ((InvalidRowException) e).column()).isEqualTo("linoleic");
        Map<String, Object> gap = new HashMap<>(rows.get(0));
        gap.put("linoleic", null); // imputed by the bundle's median imputer: the same answer as the median itself
        Transform imputer = ((ai.bigdata.core.prep.FittedPipeline) ModelBundle.load(bundleFile).transform()).steps().get(0);
        @SuppressWarnings("unchecked")
        List<String> imputed = (List<String>) imputer.parameters().get("columns");
        @SuppressWarnings("unchecked")
        List<Number> medians = (List<Number>) imputer.parameters().get("values");
        Map<String, Object> filled = new HashMap<>(rows.get(0));
        filled.put("linoleic", medians.get(imputed.indexOf("linoleic")).doubleValue());
        assertThat(p.predict(gap)).isEqualTo(p.predict(filled));
    }

    @Test
    void damagedBundlesAreRefused() throws Exception {
        byte[] good = Files.readAllBytes(bundleFile);
        Path truncated = dir.resolve("truncated.bundle");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> Predictor.load(truncated)).isInstanceOf(BundleException.class).hasMessageContaining("truncated");

        Path altered = rewrite("altered.bundle", (name, bytes) -> {
            if (name.equals("transform.json")) {
                return new String(bytes, StandardCharsets.UTF_8).replaceFirst("\\d\\.\\d", "9.9").getBytes(StandardCharsets.UTF_8);
            }
            return bytes;
        });
        assertThatThrownBy(() -> Predictor.load(altered)).isInstanceOf(BundleException.class)
                .hasMessageContaining("'transform.json' does not match its SHA-256");

        Path newer = rewrite("newer.bundle", (name, bytes) -> {
            if (name.equals("manifest.json")) {
                return new String(bytes, StandardCharsets.UTF_8).replace("\"format\" : 2", "\"format\" : 4").getBytes(StandardCharsets.UTF_8);
            }
            if (name.equals("manifest.sha256")) {
                return null; // recomputed below
            }
            return bytes;
        });
        assertThatThrownBy(() -> Predictor.load(newer)).isInstanceOf(BundleException.class).hasMessageContaining("format 4 is newer");

        Path gone = dir.resolve("nothing-here.bundle");
        assertThatThrownBy(() -> Predictor.load(gone)).isInstanceOf(BundleException.class).hasMessageContaining("no such file");
    }

    interface PartEdit {
        byte[] edit(String name, byte[] bytes);
    }

    private static Path rewrite(String target, PartEdit edit) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        byte[] manifest = null;
        for (Map.Entry<String, byte[]> e : ZipParts.read(bundleFile).entrySet()) {
            byte[] b = edit.edit(e.getKey(), e.getValue());
            if (e.getKey().equals("manifest.json")) {
                manifest = b;
            }
            parts.put(e.getKey(), b != null ? b : ModelBundle.sha256(manifest).getBytes(StandardCharsets.US_ASCII));
        }
        Path out = dir.resolve(target);
        SealedZip.write(out, parts);
        return out;
    }

    @Test
    void eightThreadsGiveTheSingleThreadedResults() throws Exception {
        assertConcurrentEqualsSingle(Predictor.load(bundleFile), 8, 500);
    }

    /** {@code threads} threads each predict {@code perThread} rows through one predictor; all equal one thread's results. */
    static void assertConcurrentEqualsSingle(Predictor p, int threads, int perThread) throws Exception {
        List<Prediction> single = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
            single.add(p.predict(rows.get(i % rows.size())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<Prediction> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(p.predict(rows.get(i % rows.size())));
                    }
                    return mine;
                }));
            }
            for (Future<List<Prediction>> f : futures) {
                assertThat(f.get()).isEqualTo(single);
            }
        } finally {
            pool.shutdown();
        }
    }
}
