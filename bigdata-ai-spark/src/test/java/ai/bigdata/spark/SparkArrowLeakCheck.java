package ai.bigdata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Memory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Asserts that every test gives back all the Arrow memory it opened, once the tasks of its Spark jobs have
 * ended. When one task of a local job fails, the driver sees the failure at once while the job's other tasks
 * may still be writing their partitions (Spark cancels them cooperatively); they close their Arrow writers
 * when they end. So the check waits up to {@value #WAIT_MS} ms for the memory to come back before it fails:
 * memory that is really leaked never comes back.
 */
public final class SparkArrowLeakCheck implements BeforeEachCallback, AfterEachCallback {
    static final long WAIT_MS = 30_000;

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        assertThat(settled()).as("Arrow memory held before " + context.getDisplayName()).isZero();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        assertThat(settled()).as("Arrow memory leaked by " + context.getDisplayName()).isZero();
    }

    /** The Arrow memory held once it is zero or {@link #WAIT_MS} have passed. */
    private static long settled() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        while (Memory.allocatedBytes() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Memory.allocatedBytes();
    }
}
