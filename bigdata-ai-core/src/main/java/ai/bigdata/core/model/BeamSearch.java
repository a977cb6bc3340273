package ai.bigdata.core.model;

import ai.bigdata.core.internal.FloatRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Beam-search decoding of a {@link Seq2SeqNetwork}'s graph: per source row, the {@code width} best
 * partial target sequences by summed log-probability are extended one id at a time (all rows and
 * hypotheses of a batch in one forward pass per step), a hypothesis ends when it emits id 0, and the
 * row's best hypothesis (ended or, at the length limit, not) is its result. Width 1 is greedy decoding:
 * the most probable id at every step. Ties go to the earlier hypothesis, then the smaller id, so the
 * result is deterministic. No length normalisation: scores are plain sums of log-probabilities.
 */
final class BeamSearch {
    private final ComputationGraph graph;
    private final int vocabulary;
    private final int maxTime;
    private final int width;

    BeamSearch(ComputationGraph graph, int vocabulary, int maxTime, int width) {
        this.graph = graph;
        this.vocabulary = vocabulary;
        this.maxTime = maxTime;
        this.width = width;
    }

    /** A candidate extension: the hypothesis it extends, the id it adds (-1: it had ended) and its score. */
    private record Candidate(int parent, int id, double score) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparingInt(Candidate::parent).thenComparingInt(Candidate::id);

    /** The decoded ids {@code [rows, maxTime]} of source ids {@code [rows, sourceTime]} and their mask. */
    INDArray decode(INDArray source, INDArray sourceMask) {
        int rows = (int) source.size(0);
        int k = width;
        INDArray src = k == 1 ? source : repeatRows(source, k);
        INDArray srcMask = k == 1 ? sourceMask : repeatRows(sourceMask, k);
        int hyps = rows * k;
        int[][] tokens = new int[hyps][maxTime];
        double[] score = new double[hyps];
        boolean[] ended = new boolean[hyps];
        for (int h = 0; h < hyps; h++) {
            score[h] = h % k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        for (int t = 0; t < maxTime && !allEnded(ended, score); t++) {
            float[][] decoder = new float[hyps][t + 1];
            for (int h = 0; h < hyps; h++) {
                decoder[h][0] = vocabulary;
                for (int s = 1; s <= t; s++) {
                    decoder[h][s] = tokens[h][s - 1];
                }
            }
            INDArray in = Nd4j.createFromArray(decoder);
            INDArray out = graph.output(false, new INDArray[] {src, in}, new INDArray[] {srcMask, Nd4j.onesLike(in)})[0];
            FloatRows p = new FloatRows().read(out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).dup('c'));
            int[][] nextTokens = new int[hyps][];
            double[] nextScore = new double[hyps];
            boolean[] nextEnded = new boolean[hyps];
            for (int r = 0; r < rows; r++) {
                List<Candidate> candidates = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    int h = r * k + j;
                    if (score[h] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    if (ended[h]) {
                        candidates.add(new Candidate(h, -1, score[h]));
                        continue;
                    }
                    for (int v = 0; v < vocabulary; v++) {
                        candidates.add(new Candidate(h, v, score[h] + Math.log(p.get(h, v))));
                    }
                }
                candidates.sort(BEST_FIRST);
                for (int j = 0; j < k; j++) {
                    int h = r * k + j;
                    if (j >= candidates.size()) {
                        nextTokens[h] = new int[maxTime];
                        nextScore[h] = Double.NEGATIVE_INFINITY;
                        nextEnded[h] = true;
                        continue;
                    }
                    Candidate c = candidates.get(j);
                    nextTokens[h] = tokens[c.parent()].clone();
                    nextScore[h] = c.score();
                    nextEnded[h] = c.id() <= 0;
                    if (c.id() > 0) {
                        nextTokens[h][t] = c.id();
                    }
                }
            }
            tokens = nextTokens;
            score = nextScore;
            ended = nextEnded;
        }
        float[][] result = new float[rows][maxTime];
        for (int r = 0; r < rows; r++) {
            int[] best = tokens[r * k];     // hypotheses stay sorted best first
            for (int t = 0; t < maxTime; t++) {
                result[r][t] = best[t];
            }
        }
        return Nd4j.createFromArray(result);
    }

    private static boolean allEnded(boolean[] ended, double[] score) {
        for (int h = 0; h < ended.length; h++) {
            if (!ended[h] && score[h] != Double.NEGATIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    private static INDArray repeatRows(INDArray a, int k) {
        FloatRows v = new FloatRows().read(a);
        float[][] out = new float[v.rows() * k][v.width()];
        for (int r = 0; r < v.rows(); r++) {
            for (int c = 0; c < v.width(); c++) {
                float x = v.get(r, c);
                for (int j = 0; j < k; j++) {
                    out[r * k + j][c] = x;
                }
            }
        }
        return Nd4j.createFromArray(out);
    }

    @Override
    public String toString() {
        return "beam search, width " + width + " over " + vocabulary + " ids, " + maxTime + " steps"
               ;
    }
}
