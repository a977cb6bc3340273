package ai.bigdata.core.data;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Adapts a {@link BatchIterator} to DL4J's {@link DataSetIterator}, so that {@code fit} can consume a
 * dataset. A background thread assembles up to {@code prefetch} batches ahead (each an independent
 * copy, since DL4J may hold a batch while the next is made). Errors on the background thread are
 * rethrown by {@link #next()}. Close it to stop the thread and release the dataset.
 */
public final class Dl4jDataSetIterator implements DataSetIterator, AutoCloseable {
    private static final Object END = new Object();

    private final BatchIterator batches;
    private final int prefetch;
    private DataSetPreProcessor preProcessor;
    private BlockingQueue<Object> queue;
    private Thread producer;
    private Object peeked;
    private volatile boolean stopping;

    /** Wraps {@code batches} (taking ownership) with a bounded prefetch queue of {@code prefetch} batches. */
    public Dl4jDataSetIterator(BatchIterator batches, int prefetch) {
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, got " + prefetch);
        }
        this.batches = batches;
        this.prefetch = prefetch;
        start();
    }

    private void start() {
        queue = new ArrayBlockingQueue<>(prefetch);
        stopping = false;
        peeked = null;
        BlockingQueue<Object> q = queue;
        producer = new Thread(() -> {
            try {
                while (!stopping && batches.hasNext()) {
                    Batch b = batches.next().detach();
                    DataSet ds = new DataSet(b.features(), b.labels(), b.featuresMask(), b.labelsMask());
                    while (!stopping && !q.offer(ds, 50, TimeUnit.MILLISECONDS)) {
                        // wait for room
                    }
                }
                putEnd(q, END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                putEnd(q, e);
            }
        }, "bigdata-ai-prefetch");
        producer.setDaemon(true);
        producer.start();
    }

    private void putEnd(BlockingQueue<Object> q, Object marker) {
        try {
            while (!stopping && !q.offer(marker, 50, TimeUnit.MILLISECONDS)) {
                // wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        stopping = true;
        producer.interrupt();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Object peek() {
        if (peeked == null) {
            try {
                peeked = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            }
        }
        return peeked;
    }

    @Override
    public boolean hasNext() {
        Object o = peek();
        if (o instanceof RuntimeException) {
            throw (RuntimeException) o;
        }
        if (o instanceof Error) {
            throw (Error) o;
        }
        return o != END;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("no more batches in this epoch");
        }
        DataSet ds = (DataSet) peeked;
        peeked = null;
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("the batch size is fixed by the BatchIterator (" + batches.batchSize() + ")");
    }

    @Override
    public int inputColumns() {
        return batches.featureWidth();
    }

    @Override
    public int totalOutcomes() {
        return batches.labelWidth();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false; // it prefetches itself
    }

    @Override
    public void reset() {
        stop();
        batches.reset();
        start();
    }

    @Override
    public int batch() {
        return batches.batchSize();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor p) {
        this.preProcessor = p;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        Column l = batches.labelColumn();
        return l == null ? null : l.categories();
    }

    /** Stops the prefetch thread and closes the batch iterator. */
    @Override
    public void close() {
        stop();
        batches.close();
    }
}
