package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

@ExtendWith(ArrowLeakCheck.class)
class Dl4jDataSetIteratorTest {

    @Test
    void dl4jFitsAnMlpOnOliveOilsThroughTheAdapter() {
        try (Dataset o = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("region").read();
             Dataset data = o.drop("area");
             Split split = data.split().train(0.75).test(0.25).stratifyBy("region").seed(1).build();
             Dl4jDataSetIterator train = new Dl4jDataSetIterator(split.train().batches().batchSize(32).shuffle(1).build(), 4);
             Dl4jDataSetIterator test = new Dl4jDataSetIterator(split.test().batches().batchSize(32).build(), 4)) {
            assertThat(train.getLabels()).containsExactlyInAnyOrder("Southern Italy", "Sardinia", "Northern Italy");
            assertThat(test.getLabels()).isEqualTo(train.getLabels());
            NormalizerStandardize norm = new NormalizerStandardize();
            norm.fit(train);
            train.reset();
            train.setPreProcessor(norm);
            test.setPreProcessor(norm);
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(0.01)).list()
                    .layer(new DenseLayer.Builder().nIn(train.inputColumns()).nOut(16).activation(Activation.RELU).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(train.totalOutcomes())
                            .activation(Activation.SOFTMAX).build())
                    .build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            net.fit(train, 15);
            // judged on the held-out quarter only, normalised with the training part's statistics
            Evaluation eval = net.evaluate(test);
            assertThat(eval.getNumRowCounter()).isEqualTo(split.test().rowCount());
            assertThat(split.train().rowCount() + split.test().rowCount()).isEqualTo(572);
            assertThat(eval.accuracy()).isGreaterThan(0.95);
        }
    }
}
