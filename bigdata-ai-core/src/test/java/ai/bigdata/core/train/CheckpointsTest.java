package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Finding the checkpoint to resume from, and keeping the folder tidy. */
@ExtendWith(ArrowLeakCheck.class)
class CheckpointsTest {
    @TempDir
    Path dir;

    /** Three epochs of 9 batches with a checkpoint after each epoch: files for 9, 18 and 27 batches. */
    private static void train(Path folder) {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region");
             Dataset data = Pipeline.of(Impute.median(), Scale.standard()).fit(olive).apply(olive)) {
            Trainer.builder().epochs(3).batchSize(64).seed(1).checkpoints(Checkpoints.in(folder).keepLast(3)).build()
                    .fit(NeuralNetwork.mlp().hidden(8).build(), data);
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void latestSkipsDamagedAndForeignFilesAndFallsBackToTheNewestReadable() throws Exception {
        Path folder = dir.resolve("ckpt");
        train(folder);
        Path nine = folder.resolve("checkpoint-000000000009.ckpt");
        Path eighteen = folder.resolve("checkpoint-000000000018.ckpt");
        Path last = folder.resolve("checkpoint-000000000027.ckpt");
        assertThat(names(folder)).containsExactly(nine.getFileName().toString(), eighteen.getFileName().toString(),
                last.getFileName().toString());
        assertThat(Checkpoints.latest(folder)).contains(last);

        byte[] full = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(full, full.length / 2)); // a disk that filled up mid-write
        Path foreign = folder.resolve("checkpoint-000000000099.ckpt");
        Files.writeString(foreign, "not a checkpoint", StandardCharsets.UTF_8);

        Checkpoints.Scan scan = Checkpoints.scan(folder);
        assertThat(scan.latest()).contains(eighteen);
        assertThat(scan.skipped()).extracting(Checkpoints.Skipped::file).containsExactly(foreign, last);
        assertThat(scan.skipped()).allSatisfy(s -> assertThat(s.reason()).startsWith("checkpoint " + s.file()));
        assertThat(Checkpoints.latest(folder)).contains(eighteen);
        assertThat(CheckpointFile.read(eighteen).state().totalBatches).isEqualTo(18);
    }

    @Test
    void aFolderWithoutReadableCheckpointsHasNoLatest() throws Exception {
        assertThat(Checkpoints.scan(dir.resolve("absent")).latest()).isEmpty();
        assertThat(Checkpoints.scan(dir.resolve("absent")).skipped()).isEmpty();
        Path only = dir.resolve("checkpoint-000000000001.ckpt");
        Files.write(only, new byte[0]);
        Checkpoints.Scan scan = Checkpoints.scan(dir);
        assertThat(scan.latest()).isEmpty();
        assertThat(scan.skipped()).extracting(Checkpoints.Skipped::file).containsExactly(only);
        assertThat(Checkpoints.latest(dir)).isEmpty();
    }

    @Test
    void temporaryFilesLeftByAKillDuringAWriteArePruned() throws Exception {
        Path folder = dir.resolve("ckpt");
        Files.createDirectories(folder);
        // the name AtomicFiles gives the temporary file of checkpoint 5 while it is being written
        Path leftover = folder.resolve("checkpoint-000000000005.ckpt8127364512.tmp");
        Files.write(leftover, new byte[] {1, 2, 3});
        Path unrelated = folder.resolve("notes.tmp");
        Files.write(unrelated, new byte[] {4});
        train(folder);
        assertThat(names(folder)).containsExactly("checkpoint-000000000009.ckpt", "checkpoint-000000000018.ckpt",
                "checkpoint-000000000027.ckpt", "notes.tmp");
    }
}
