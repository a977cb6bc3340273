package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link Dataset#close()} from many threads at once releases the dataset's hold exactly once. */
@ExtendWith(ArrowLeakCheck.class)
class ConcurrentCloseTest {
    private static final int THREADS = 8;

    @Test
    void closingFromEightThreadsAtOnceReleasesOnce() throws Exception {
        Schema s = Schema.of(Column.of("x", ColumnType.FLOAT64), Column.of("y", ColumnType.INT32));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 300; round++) {
                Dataset d = Dataset.builder(s).add(1.0, 1).add(2.0, 2).add(3.0, 3).build();
                // the view holds one reference on d's memory; a second release by a racing close would free it
                Dataset view = d.select("x");
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        d.close();
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                List<Double> xs = new ArrayList<>();
                view.forEachRow(r -> xs.add(r.getDouble("x")));
                assertThat(xs).as("round %d", round).containsExactly(1.0, 2.0, 3.0);
                view.close();
                assertThat(Memory.allocatedBytes()).as("round %d", round).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
