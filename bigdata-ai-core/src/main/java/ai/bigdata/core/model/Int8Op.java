package ai.bigdata.core.model;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One step of an int8 network's pass over one row (a flat array, images in channel, row, column
 * order): immutable, so one instance serves every thread. {@link Int8Codec} writes and reads each kind.
 */
interface Int8Op {
    /** The output for one input row of {@link #inputs()} values (a new array; the input is not changed). */
    float[] apply(float[] x);

    /** Values per input row. */
    int inputs();

    /** Values per output row. */
    int outputs();

    /** The weights this step stores (int8 values count one each), 0 for steps without weights. */
    long weights();

    /** Writes the step's fields after its tag (see {@link Int8Codec}). */
    void write(DataOutputStream out) throws IOException;
}
