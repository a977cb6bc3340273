package ai.bigdata.core.train;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.FashionImages;
import ai.bigdata.core.model.GraphNetwork;
import ai.bigdata.core.model.TokenSequences;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.Reversals;
import ai.bigdata.core.model.Seq2SeqNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.testing.SharedData;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of {@link CrashResumeIT}, in its own JVM: {@code fresh DIR OUT} trains from scratch
 * with checkpoints in DIR, {@code resume DIR OUT} continues from DIR's latest checkpoint; both write the
 * final parameters to OUT. Prints "batch E B" after every batch. With two more arguments {@code E B}
 * it prints {@link #BLOCKED} once batch B of epoch E (0-based) has trained and then waits for ever, so
 * the parent kills it at exactly that point (no timing involved).
 */
public final class TrainingChild {
    /**
     * The system property that chooses the network: {@code multilayer} (default; an MLP with dropout on
     * the olive data, 5 epochs of 36 batches, trained by DL4J's fit), {@code dense} (the same MLP without
     * dropout, trained by the own dense pass), {@code graph} (a small residual CNN on 192 Fashion-MNIST
     * images, 3 epochs of 12 batches) or {@code transformer} (a small Transformer encoder on 96 generated
     * token sequences, 3 epochs of 6 batches) or {@code seq2seq} (a small attention encoder-decoder learning to
     * reverse 96 generated sequences, 3 epochs of 6 batches).
     */
    static final String NETWORK = "bigdata.child.network";
    /** The line printed when the child stopped at the batch it was asked to stop at. */
    static final String BLOCKED = "blocked, waiting to be killed";

    private TrainingChild() {
    }

    private static void blockForEver() {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException ex) {
                // only SIGKILL from the parent ends this process
            }
        }
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int stopEpoch = args.length > 4 ? Integer.parseInt(args[3]) : -1;
        long stopBatch = args.length > 4 ? Long.parseLong(args[4]) : -1;
        boolean graph = "graph".equals(System.getProperty(NETWORK));
        boolean transformer = "transformer".equals(System.getProperty(NETWORK));
        boolean seq2seq = "seq2seq".equals(System.getProperty(NETWORK));
        try (Dataset data = graph ? FashionImages.train(0, 192) : transformer ? TokenSequences.dataset(96, 10, 41)
                : seq2seq ? Reversals.dataset(96, 41) : olive()) {
            Trainer trainer = Trainer.builder().epochs(graph || transformer || seq2seq ? 3 : 5).batchSize(16).seed(11).optimizer(Optimizer.adam(2e-3))
                    .checkpoints(Checkpoints.in(dir).everyBatches(5).keepLast(3))
                    .listener(new TrainingListener() {
                        @Override
                        public void onBatch(BatchEvent e) {
                            System.out.println("batch " + e.epoch() + " " + e.batch());
                            if (e.epoch() == stopEpoch && e.batch() == stopBatch) {
                                System.out.println(BLOCKED);
                                System.out.flush();
                                blockForEver();
                            }
                            System.out.flush();
                        }
                    }).build();
            Network model = graph ? GraphNetwork.residualCnn().stem(4).blocks(4, 8).build()
                    : System.getProperty(NETWORK, "multilayer").equals("dense") ? NeuralNetwork.mlp().hidden(32, 16).build()
                    : seq2seq ? Seq2SeqNetwork.attention().sourceVocabulary(Reversals.IDS).targetVocabulary(Reversals.IDS).embedding(8)
                            .hidden(8).build()
                    : transformer ? NeuralNetwork.transformer().vocabulary(TokenSequences.VOCABULARY).width(8).heads(2).blocks(1).build()
                    : NeuralNetwork.mlp().hidden(32, 16).dropout(0.2).build();
            if (mode.equals("resume")) {
                trainer.resume(Checkpoints.latest(dir).orElseThrow(), model, data, null);
            } else {
                trainer.fit(model, data);
            }
            float[] params = model.parameters().toFloatVector();
            try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(out))) {
                for (float p : params) {
                    o.writeFloat(p);
                }
            }
            System.out.println("done");
        }
    }

    /** The olive data, imputed and scaled. */
    private static Dataset olive() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            return Pipeline.of(Impute.median(), Scale.standard()).fit(olive).apply(olive);
        }
    }
}
