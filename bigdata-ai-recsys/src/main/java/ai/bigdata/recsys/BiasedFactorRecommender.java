package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A recommender that scores {@code b_i + p_u . q_i} from user and item factor rows ({@code rank} wide, row-major) and
 * item biases, with cosine similarity of item rows and the popularity fallback: {@link Bpr} and {@link TwoTower}.
 */
abstract class BiasedFactorRecommender extends IndexedRecommender {
    private final int rank;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] itemBias;

    BiasedFactorRecommender(TrainingIndex index, int rank, Factors f) {
        super(index);
        this.rank = rank;
        this.userFactors = f.users();
        this.itemFactors = f.items();
        this.itemBias = f.bias();
    }

    /** User factors, item factors and item biases. */
    record Factors(float[] users, float[] items, float[] bias) {
    }

    @Override
    final double scoreIndex(int u, int i) {
        double s = itemBias[i];
        for (int f = 0; f < rank; f++) {
            s += (double) userFactors[u * rank + f] * itemFactors[i * rank + f];
        }
        return s;
    }

    @Override
    final double fallbackScore(int u, int i) {
        return i >= 0 ? popularity[i] : 0.0;
    }

    @Override
    final void similarities(int item, float[] out) {
        cosine(itemFactors, rank, item, out);
    }

    /** Writes the factors and biases (after the model's own settings). */
    final void writeFactors(DataOutputStream out) throws IOException {
        Codec.writeFloats(out, userFactors);
        Codec.writeFloats(out, itemFactors);
        Codec.writeFloats(out, itemBias);
    }

    /** Reads what {@link #writeFactors} wrote and checks the sizes against the index and {@code rank}. */
    static Factors readFactors(TrainingIndex index, int rank, DataInputStream in, String model) throws IOException {
        float[] uf = Codec.readFloats(in);
        float[] itf = Codec.readFloats(in);
        float[] ib = Codec.readFloats(in);
        if (rank < 1 || rank > 1024 || uf.length != (long) index.users.size() * rank || itf.length != (long) index.items.size() * rank
                || ib.length != index.items.size()) {
            throw new IOException(model + " state does not match its training index");
        }
        return new Factors(uf, itf, ib);
    }
}
