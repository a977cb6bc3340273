package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Evaluation streams: beyond what the model's own {@code output} calls allocate (DL4J allocates about
 * 22 KB of heap per call, whatever the batch size), the heap an evaluation allocates per row is what
 * the exact curves keep (one float per row for two classes, nothing without curves or for regression)
 * plus the one int buffer per row that sorting them borrows for a moment.
 * Measured with the threads' allocation counters (the evaluation counts on a second thread), which are
 * deterministic enough (no timing). The gathered
 * path it replaced allocated 57 to 88 bytes per row and kept them.
 */
@ExtendWith(ArrowLeakCheck.class)
class EvaluatorMemoryTest {
    static final int ROWS = 200_000;

    /** Heap bytes that every live thread allocated during {@code work} (evaluation counts on a second thread). */
    private static long allocatedBy(Supplier<?> work) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> before = allocations(mx);
        Object result = work.get();
        long total = 0;
        for (java.util.Map.Entry<Long, Long> e : allocations(mx).entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        assertThat(result).isNotNull();
        return total;
    }

    private static java.util.Map<Long, Long> allocations(com.sun.management.ThreadMXBean mx) {
        long[] ids = mx.getAllThreadIds();
        long[] bytes = mx.getThreadAllocatedBytes(ids);
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }

    /**
     * Bytes per row that {@code evaluation} allocates beyond a plain loop of Model.output over the same
     * batches: the growth of that excess from {@code small} to {@code large}, divided by the rows added,
     * so that buffers of a fixed size (reused batch buffers, counters) do not count as per-row memory.
     */
    private static double beyondOutput(Model m, Dataset small, Dataset large, int batchSize, Function<Dataset, Report> evaluation) {
        return (double) (excess(m, large, batchSize, evaluation) - excess(m, small, batchSize, evaluation))
                / (large.rowCount() - small.rowCount());
    }

    /** Bytes that {@code evaluation} of {@code d} allocates beyond a plain loop of Model.output over the same batches. */
    private static long excess(Model m, Dataset d, int batchSize, Function<Dataset, Report> evaluation) {
        Supplier<Long> outputs = () -> {
            long rows = 0;
            try (BatchIterator it = d.batches().label("y").batchSize(batchSize).build()) {
                while (it.hasNext()) {
                    rows += m.output(it.next().features()).size(0);
                }
            }
            return rows;
        };
        outputs.get(); // loads and compiles everything first
        evaluation.apply(d).metrics();
        // the least of three runs of each: what the JIT compiles meanwhile adds noise, never subtracts
        long plain = Long.MAX_VALUE;
        long evaluated = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            plain = Math.min(plain, allocatedBy(outputs));
            evaluated = Math.min(evaluated, allocatedBy(() -> evaluation.apply(d).metrics()));
        }
        return evaluated - plain;
    }

    /** The network with its initial (seeded) weights: training is not what is measured. */
    private static NeuralNetwork trained(Dataset d, NeuralNetwork m) {
        m.initialise(ModelSignature.supervised(d.schema()), new NetworkSettings(1, new Adam(1e-3), 0, 0, null));
        return m;
    }

    @Test
    void binaryEvaluationAllocatesOneFloatPerRowAndOneSortBuffer() {
        try (Dataset small = EvaluatorStreamingTest.data(ROWS, List.of("no", "yes"), 5);
                Dataset large = EvaluatorStreamingTest.data(2 * ROWS, List.of("no", "yes"), 5)) {
            NeuralNetwork m = trained(small, NeuralNetwork.logisticRegression().build());
            double extra = beyondOutput(m, small, large, 1024, d -> Evaluator.classification().evaluate(m, d));
            System.out.printf("binary classification: %.2f bytes per row beyond Model.output%n", extra);
            assertThat(extra).isLessThan(9); // 4 kept, 4 of sort scratch (both parts at once), a little noise
            double total = (double) allocatedBy(() -> Evaluator.classification().batchSize(8192).evaluate(m, small).metrics()) / ROWS;
            System.out.printf("binary classification, batches of 8192: %.2f bytes per row in all%n", total);
            assertThat(total).isLessThan(13);
        }
    }

    /** Counters only: a few small objects per bulk read and fixed-size batch buffers, nothing per row. */
    @Test
    void regressionAllocatesNothingPerRow() {
        try (Dataset small = EvaluatorStreamingTest.data(ROWS, null, 6); Dataset large = EvaluatorStreamingTest.data(2 * ROWS, null, 6)) {
            NeuralNetwork reg = trained(small, NeuralNetwork.linearRegression().build());
            double extra = beyondOutput(reg, small, large, 1024, d -> Evaluator.regression().evaluate(reg, d));
            System.out.printf("regression: %.2f bytes per row beyond Model.output%n", extra);
            assertThat(extra).isLessThan(1.5);
        }
    }

    @Test
    void multiClassEvaluationKeepsOneFloatPerClassAndRowPlusOneSortBufferOrNothingWithoutCurves() {
        List<String> classes = List.of("a", "b", "c", "d", "e");
        try (Dataset small = EvaluatorStreamingTest.data(ROWS, classes, 7); Dataset large = EvaluatorStreamingTest.data(2 * ROWS, classes, 7)) {
            NeuralNetwork cls = trained(small, NeuralNetwork.logisticRegression().build());
            double extra = beyondOutput(cls, small, large, 1024, d -> Evaluator.classification().withoutCurves().evaluate(cls, d));
            System.out.printf("5 classes without curves: %.2f bytes per row beyond Model.output%n", extra);
            assertThat(extra).isLessThan(1.5);
            extra = beyondOutput(cls, small, large, 1024, d -> Evaluator.classification().evaluate(cls, d));
            System.out.printf("5 classes with curves: %.2f bytes per row beyond Model.output%n", extra);
            assertThat(extra).isLessThan(26); // 20 kept, sort scratch of up to 4
        }
    }
}
