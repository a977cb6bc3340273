package ai.bigdata.core.train;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.testing.SharedData;

/** Data and listeners that the training tests share. */
final class TrainingFixtures {
    private TrainingFixtures() {
    }

    /** The bundled olive data, label {@code area}, {@code region} dropped, imputed and standardised. */
    static Dataset olivePrepared() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            return Pipeline.of(Impute.median(), Scale.standard()).fit(olive).apply(olive);
        }
    }

    /** A listener that throws "simulated crash" once batch {@code batch} of epoch {@code epoch} (both 0-based) was trained. */
    static TrainingListener crashAt(int epoch, long batch) {
        return new TrainingListener() {
            @Override
            public void onBatch(BatchEvent e) {
                if (e.epoch() == epoch && e.batch() == batch) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
    }
}
