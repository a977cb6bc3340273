package ai.bigdata.core.train;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NeuralNetwork;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One checkpoint file: a zip of the network with its optimiser state, the training state (epoch,
 * batch, history, early-stopping bookkeeping) and the best parameters so far. Written to a temporary
 * file in the same folder, flushed to disk and renamed atomically.
 */
final class CheckpointFile {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = "state.json";
    private static final String NETWORK = "network.zip";
    private static final String BEST = "best-params.bin";

    private CheckpointFile() {
    }

    /** What a checkpoint holds. */
    record Contents(MultiLayerNetwork network, ModelSignature signature, String kind, String description, TrainingState state) {
    }

    static void write(Path file, NeuralNetwork model, TrainingState state) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream fileOut = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(fileOut)) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("format", FORMAT);
                    doc.put("kind", model.kind());
                    doc.put("description", model.description());
                    doc.put("signature", model.signature().toMap());
                    doc.put("state", state.toMap());
                    zip.putNextEntry(new ZipEntry(STATE));
                    zip.write(JSON.writeValueAsBytes(doc));
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(NETWORK));
                    ByteArrayOutputStream net = new ByteArrayOutputStream();
                    ModelSerializer.writeModel(model.network(), net, true);
                    zip.write(net.toByteArray());
                    zip.closeEntry();
                    if (state.bestParams != null) {
                        zip.putNextEntry(new ZipEntry(BEST));
                        ByteArrayOutputStream best = new ByteArrayOutputStream();
                        Nd4j.write(best, state.bestParams);
                        zip.write(best.toByteArray());
                        zip.closeEntry();
                    }
                }
                try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Contents read(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint " + file + " cannot be read (damaged or not a checkpoint): " + e.getMessage(), e);
        }
        if (!entries.containsKey(STATE) || !entries.containsKey(NETWORK)) {
            throw new IllegalArgumentException("checkpoint " + file + " is incomplete: it lacks " + (entries.containsKey(STATE) ? NETWORK : STATE));
        }
        try {
            Map<String, Object> doc = JSON.readValue(entries.get(STATE), Map.class);
            int format = ((Number) doc.get("format")).intValue();
            if (format > FORMAT) {
                throw new IllegalArgumentException("checkpoint " + file + " has format " + format + ", newer than this library's " + FORMAT);
            }
            TrainingState state = TrainingState.fromMap((Map<String, Object>) doc.get("state"));
            if (entries.containsKey(BEST)) {
                state.bestParams = Nd4j.read(new ByteArrayInputStream(entries.get(BEST)));
            }
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(entries.get(NETWORK)), true);
            return new Contents(net, ModelSignature.fromMap((Map<String, Object>) doc.get("signature")), (String) doc.get("kind"),
                    (String) doc.get("description"), state);
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint " + file + " is damaged: " + e.getMessage(), e);
        }
    }
}
