package ai.bigdata.spark;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.io.ArrowIpc;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Runs on executors: a fitted transform (shipped as its JSON, which loads bit-identical) applied to each
 * of a partition's Arrow IPC streams, giving the transformed rows as Arrow IPC streams again.
 */
final class PartitionTransform implements FlatMapFunction<Iterator<byte[]>, byte[]> {
    private static final long serialVersionUID = 1L;

    private final String transform;

    /** @param transform the fitted transform's {@link TransformJson} text */
    PartitionTransform(String transform) {
        this.transform = transform;
    }

    @Override
    public Iterator<byte[]> call(Iterator<byte[]> streams) {
        Transform t = TransformJson.read(transform);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return streams.hasNext();
            }

            @Override
            public byte[] next() {
                try (Dataset raw = Dataset.readArrowStream(new ByteArrayInputStream(streams.next()));
                     Dataset out = t.apply(raw)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    ArrowIpc.writeStream(out, bytes);
                    return bytes.toByteArray();
                }
            }
        };
    }
}
