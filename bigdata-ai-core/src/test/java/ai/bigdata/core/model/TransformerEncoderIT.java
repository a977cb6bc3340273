package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Transformer encoder learns the generated task of {@link TransformerEncoderTest} (are most tokens
 * high ids?) well above chance on rows it never saw. An integration test: 120 SameDiff training steps
 * take about 2 minutes on 2 cores.
 */
@ExtendWith(ArrowLeakCheck.class)
class TransformerEncoderIT {
    private static final int TIME = TransformerEncoderTest.TIME;

    private static NeuralNetwork small() {
        return TransformerEncoderTest.small();
    }

    @Test
    void learnsWhetherMostTokensAreHigh() {
        try (Dataset train = TokenSequences.dataset(192, TIME, 1); Dataset test = TokenSequences.dataset(400, TIME, 2)) {
            NeuralNetwork a = small();
            long start = System.nanoTime();
            Trainer.builder().epochs(10).batchSize(16).seed(7).optimizer(Optimizer.adam(3e-3)).build().fit(a, train);
            double accuracy = Evaluator.classification().evaluate(a, test).accuracy();
            System.out.printf("transformer: test accuracy %.4f after 120 steps, %.1f s%n", accuracy, (System.nanoTime() - start) / 1e9);
            assertThat(accuracy).as("test accuracy, chance is 0.5").isGreaterThan(0.75);
            assertThat(a.kind()).isEqualTo("transformer");
            assertThat(a.description()).startsWith("transformer encoder vocabulary 20, width 16, heads 2, blocks 1");
        }
    }

}
