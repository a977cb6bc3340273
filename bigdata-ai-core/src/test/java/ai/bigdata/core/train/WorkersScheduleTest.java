package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * workers(n) with a schedule: every replica asks the schedule for the learning rate of the batch it
 * trains (global batch number and epoch), exactly as a single worker does.
 */
@ExtendWith(ArrowLeakCheck.class)
class WorkersScheduleTest {
    private static final int EPOCHS = 3;
    private static final int BATCH = 64;

    /** Records every (iteration, epoch, rate) the updaters ask for, from any replica (clones share the sink). */
    static final class RecordingSchedule implements ISchedule {
        private static final long serialVersionUID = 1L;
        private final ISchedule inner;
        private final Set<String> sink;

        RecordingSchedule(ISchedule inner, Set<String> sink) {
            this.inner = inner;
            this.sink = sink;
        }

        @Override
        public double valueAt(int iteration, int epoch) {
            double v = inner.valueAt(iteration, epoch);
            sink.add(key(iteration, epoch, v));
            return v;
        }

        @Override
        public ISchedule clone() {
            return new RecordingSchedule(inner.clone(), sink);
        }
    }

    private static String key(int iteration, int epoch, double rate) {
        return String.format(java.util.Locale.ROOT, "%05d/%d/%s", iteration, epoch, Double.toString(rate));
    }

    private static Set<String> ratesUsed(Dataset data, int workers) {
        Set<String> sink = new ConcurrentSkipListSet<>();
        ModelSignature sig = ModelSignature.supervised(data.schema());
        ISchedule schedule = new RecordingSchedule(new ExponentialSchedule(ScheduleType.EPOCH, 0.05, 0.5), sink);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(schedule)).list()
                .layer(new DenseLayer.Builder().nIn(sig.featureWidth()).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(sig.outputWidth())
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        Trainer.builder().epochs(EPOCHS).batchSize(BATCH).workers(workers).seed(5).build().fit(NeuralNetwork.wrap(net, sig), data);
        return sink;
    }

    @Test
    @DisplayName("workers(n) with a schedule")
    void everyReplicaUsesTheSingleWorkerScheduleAtEachStep() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region");
             Dataset data = Pipeline.of(Impute.median(), Scale.standard()).fit(olive).apply(olive)) {
            int perEpoch = (int) ((data.rowCount() + BATCH - 1) / BATCH);
            assertThat(perEpoch).as("an odd number of batches per epoch, so that two workers meet a partial round").isEqualTo(9);
            ExponentialSchedule reference = new ExponentialSchedule(ScheduleType.EPOCH, 0.05, 0.5);
            Set<String> expected = new TreeSet<>();
            for (int t = 0; t < EPOCHS * perEpoch; t++) {
                expected.add(key(t, t / perEpoch, reference.valueAt(t, t / perEpoch))); // the rate of batch t
            }
            for (int e = 0; e < EPOCHS; e++) {
                int t = (e + 1) * perEpoch; // the rate the history records at the end of epoch e
                expected.add(key(t, e, reference.valueAt(t, e)));
            }
            assertThat(ratesUsed(data, 1)).containsExactlyElementsOf(expected);
            assertThat(ratesUsed(data, 2)).containsExactlyElementsOf(expected);
            assertThat(ratesUsed(data, 3)).containsExactlyElementsOf(expected);
        }
    }
}
