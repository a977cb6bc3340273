package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.NeuralNetwork;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The replica pool's bookkeeping when making a copy fails while other callers wait. */
class ReplicaPoolTest {
    @Test
    void aFailedCopyLetsACallerWaitingForAFreeReplicaMakeOne() throws Exception {
        NeuralNetwork replica = NeuralNetwork.logisticRegression().build();
        CountDownLatch failNow = new CountDownLatch(1);
        AtomicInteger copies = new AtomicInteger();
        ReplicaPool pool = new ReplicaPool(() -> {
            if (copies.getAndIncrement() == 0) {
                try {
                    failNow.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("out of memory while copying");
            }
            return replica;
        }, 1);
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Network> failing = first.submit(pool::borrow);
            while (copies.get() == 0) {
                Thread.onSpinWait();
            }
            // the only replica is being made: a second caller waits for it
            AtomicReference<Network> got = new AtomicReference<>();
            Thread second = new Thread(() -> got.set(pool.borrow()), "second caller");
            second.setDaemon(true);
            second.start();
            while (second.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            failNow.countDown();
            assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("out of memory while copying");
            // the failed copy freed its place: the waiting caller makes the replica (before the fix it waited forever)
            second.join(60_000);
            assertThat(second.isAlive()).as("the waiting caller still waits for a replica that will never exist").isFalse();
            assertThat(got.get()).isSameAs(replica);
            assertThat(pool.created()).isEqualTo(1);
            pool.giveBack(got.get());
            assertThat(pool.borrow()).isSameAs(replica);
        } finally {
            first.shutdownNow();
        }
    }

    @Test
    void aReplicaGivenBackTwiceIsRefused() {
        NeuralNetwork replica = NeuralNetwork.logisticRegression().build();
        ReplicaPool pool = new ReplicaPool(() -> replica, 2);
        Network n = pool.borrow();
        pool.giveBack(n);
        assertThatThrownBy(() -> pool.giveBack(n)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a replica was given back twice or did not come from this pool");
    }
}
