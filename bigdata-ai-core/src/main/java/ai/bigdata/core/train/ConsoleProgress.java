package ai.bigdata.core.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A console progress bar: epoch, a bar of the epoch's batches, the running loss, rows per second and
 * the time left in the epoch; one summary line per epoch. Redraws at most five times a second.
 */
public final class ConsoleProgress implements TrainingListener {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int BAR = 30;
    /** The validation metrics worth a place on the epoch line (all of them are in the history). */
    private static final java.util.Set<String> SHOWN = java.util.Set.of("loss", "accuracy", "f1_macro", "rmse", "r2");

    private final PrintStream out;
    private int epochs;
    private long epochStart;
    private long lastDraw;
    private long rows;
    private double lossSum;
    private long batches;

    /** A progress bar on {@code out} (for example {@code System.err}). */
    public ConsoleProgress(PrintStream out) {
        this.out = java.util.Objects.requireNonNull(out, "out");
    }

    @Override
    public void onStart(int epoch, int totalEpochs, long batchesPerEpoch) {
        this.epochs = totalEpochs;
        reset();
    }

    private void reset() {
        epochStart = System.nanoTime();
        lastDraw = 0;
        rows = 0;
        lossSum = 0;
        batches = 0;
    }

    @Override
    public void onBatch(BatchEvent e) {
        rows += e.rows();
        lossSum += e.loss();
        batches++;
        long now = System.nanoTime();
        boolean last = e.batch() + 1 == e.batchesPerEpoch();
        if (now - lastDraw < REDRAW_NANOS && !last) {
            return;
        }
        lastDraw = now;
        double secs = (now - epochStart) / 1e9;
        double rate = rows / Math.max(secs, 1e-9);
        double done = (double) (e.batch() + 1) / e.batchesPerEpoch();
        double eta = batches == 0 ? 0 : secs / batches * (e.batchesPerEpoch() - e.batch() - 1);
        int filled = (int) Math.round(done * BAR);
        out.print(String.format(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d  loss %.4f  %,.0f rows/s  ETA %s   ", e.epoch() + 1, epochs,
                "=".repeat(filled), " ".repeat(BAR - filled), e.batch() + 1, e.batchesPerEpoch(), lossSum / batches, rate,
                clock(eta)));
        out.flush();
    }

    @Override
    public void onEpoch(EpochRecord r, int totalEpochs) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%nepoch %d/%d done in %s: train loss %.4f", r.epoch(),
                totalEpochs, clock(r.seconds()), r.trainLoss()));
        r.validation().forEach((k, v) -> {
            if (SHOWN.contains(k)) {
                s.append(String.format(Locale.ROOT, ", val %s %.4f", k, v));
            }
        });
        out.println(s);
        reset();
    }

    @Override
    public void onWarning(String message) {
        out.println();
        out.println("warning: " + message);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
