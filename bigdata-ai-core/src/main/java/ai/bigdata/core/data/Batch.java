package ai.bigdata.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Features, labels and optional masks of one mini-batch as ND4J arrays. A batch from a
 * {@link BatchIterator} borrows memory (a view of Arrow memory or a reused buffer): it is valid until
 * the iterator's next call to {@code next()}, {@code reset()} or {@code close()}. {@link #detach()}
 * makes an independent copy.
 */
public final class Batch implements AutoCloseable {
    private final INDArray features;
    private final INDArray labels;
    private final INDArray featuresMask;
    private final INDArray labelsMask;
    private final boolean view;

    /** A batch of the given arrays; labels and masks may be null. */
    public Batch(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask, boolean view) {
        this.features = features;
        this.labels = labels;
        this.featuresMask = featuresMask;
        this.labelsMask = labelsMask;
        this.view = view;
    }

    /** Features: {@code [batch, ...shape]} for one tensor column, else {@code [batch, features]}. */
    public INDArray features() {
        return features;
    }

    /** Labels: one-hot {@code [batch, classes]} for a categorical label, {@code [batch, width]} otherwise; null if none. */
    public INDArray labels() {
        return labels;
    }

    /** Features mask (sequences), or null. */
    public INDArray featuresMask() {
        return featuresMask;
    }

    /** Labels mask (sequences), or null. */
    public INDArray labelsMask() {
        return labelsMask;
    }

    /** Rows in this batch. */
    public int size() {
        return (int) features.size(0);
    }

    /** Whether the features are a zero-copy view of Arrow memory. */
    public boolean isView() {
        return view;
    }

    /** An independent copy that stays valid after the iterator moves on. */
    public Batch detach() {
        return new Batch(features.dup(), labels == null ? null : labels.dup(),
                featuresMask == null ? null : featuresMask.dup(), labelsMask == null ? null : labelsMask.dup(), false);
    }

    /** Releases nothing: the iterator owns the memory. Present so batches read well in try-with-resources. */
    @Override
    public void close() {
        // memory belongs to the iterator (or to the dataset, for views)
    }
}
