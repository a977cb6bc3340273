package consumer;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.io.ErrorPolicy;
import ai.bigdata.core.io.ReadResult;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Assemble;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Prediction;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.train.EarlyStopping;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import java.nio.file.Path;
import java.util.Map;

/**
 * The README quick start, copied as a user would copy it into an application. Arguments: olive.csv,
 * gapminder.csv and a folder to write into. Prints one CONSUMER line per block for verify.groovy, which
 * also checks that README shows the code between the README markers.
 */
public final class QuickStart {
    public static void main(String[] args) throws Exception {
        Path oliveCsv = Path.of(args[0]);
        Path gapminderCsv = Path.of(args[1]);
        Path out = Path.of(args[2]);

        Path csv = oliveCsv;
        Path arrowFile = out.resolve("olive.arrow");
        long batches = 0;
        // README-BEGIN
        try (ReadResult read = Dataset.readCsv(csv).label("area").onError(ErrorPolicy.SKIP).readWithReport();
             Dataset olive = read.dataset().drop("region")) {
            System.out.println(read.report());          // rows read = kept + rejected
            System.out.println(olive.summary());        // count, missing, mean, std, min, max, distinct
            olive.writeArrow(arrowFile);                // roles and categories travel with the file
            try (Split split = olive.split().train(0.7).validation(0.15).test(0.15)
                         .stratifyBy("area").seed(42).build();
                 BatchIterator it = split.train().batches().batchSize(32).shuffle(42).build()) {
                while (it.hasNext()) {
                    Batch b = it.next();                // features [32, 8], one-hot labels [32, 9]
                    batches++;
                }
            }
        }
        // README-END
        try (Dataset back = Dataset.readArrow(arrowFile)) {
            System.out.println("CONSUMER quick start: " + batches + " batches, " + back.rowCount() + " rows back from Arrow");
        }

        csv = gapminderCsv;
        Schema schema;
        String json;
        // README-PREP-BEGIN
        try (Dataset gapminder = Dataset.readCsv(csv).label("continent").read();
             Dataset data = gapminder.drop("country", "region");
             Split split = data.split().train(0.8).test(0.2).stratifyBy("continent").seed(42).build()) {
            Transform prep = Pipeline.of(Impute.median().withIndicators(), Scale.standard(), Assemble.into("features"))
                    .fit(split.train());                 // statistics from the training part only
            json = TransformJson.write(prep);             // TransformJson.read(json) gives it back
            try (Dataset test = prep.apply(split.test())) {
                schema = test.schema();                 // [continent:categorical(label), features:tensor[12]]
            }
        }
        // README-PREP-END
        System.out.println("CONSUMER preprocessing: " + schema);

        csv = oliveCsv;
        Path bundle = out.resolve("olive.bundle");
        ClassificationReport report;
        Prediction p;
        // README-MODEL-BEGIN
        try (Dataset raw = Dataset.readCsv(csv).label("area").read();
             Dataset olive = raw.drop("region");
             Split split = olive.split().train(0.7).validation(0.15).test(0.15).stratifyBy("area").seed(42).build()) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(split.train());
            try (Dataset train = prep.apply(split.train()); Dataset validation = prep.apply(split.validation());
                 Dataset test = prep.apply(split.test())) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(64, 32).dropout(0.1).build();  // sizes come from the data
                Trainer trainer = Trainer.builder().epochs(100).batchSize(32).optimizer(Optimizer.adam(3e-3))
                        .earlyStopping(EarlyStopping.patience(10)).seed(42).build();
                TrainingHistory history = trainer.fit(model, train, validation);
                report = Evaluator.classification().evaluate(model, test);
                System.out.println(report);                       // scikit-learn's classification_report layout
                ModelBundle.of(prep, model, olive.schema()).metrics("test", report).save(bundle);
            }
        }
        Predictor predictor = Predictor.load(bundle);             // thread-safe; raw rows in, checksums verified
        p = predictor.predict(Map.of("palmitic", 10.75, "palmitoleic", 0.75, "stearic", 2.26, "oleic", 78.23,
                "linoleic", 6.72, "linolenic", 0.36, "arachidic", 0.60, "eicosenoic", 0.29));
        // README-MODEL-END
        System.out.println("CONSUMER model: accuracy " + report.accuracy() + ", prediction " + p.label());
    }
}
