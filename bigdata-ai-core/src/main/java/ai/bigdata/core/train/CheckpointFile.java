package ai.bigdata.core.train;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.internal.AtomicFiles;
import ai.bigdata.core.internal.SealedZip;
import ai.bigdata.core.model.Network;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One checkpoint file: a zip of the network with its optimiser state, the training state (epoch,
 * batch, history, early-stopping bookkeeping) and the best parameters so far. Written to a temporary
 * file in the same folder, flushed to disk and renamed atomically.
 */
final class CheckpointFile {
    /**
     * The newest format this library reads: 3 carries the origin of epochs trained elsewhere (a distributed
     * trainer's), so libraries that would ignore it refuse it; 2 holds a network family (a graph); 1, a
     * multilayer network.
     */
    static final int FORMAT = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = "state.json";
    private static final String NETWORK = "network.zip";
    private static final String BEST = "best-params.bin";

    private CheckpointFile() {
    }

    /** What a checkpoint holds. */
    record Contents(Network network, ModelSignature signature, String kind, String description, TrainingState state) {
    }

    static void write(Path file, Network model, TrainingState state) {
        try {
            Map<String, Object> doc = new LinkedHashMap<>();
            // multilayer checkpoints keep format 1 and other families 2, so that older libraries still read them;
            // epochs trained elsewhere need 3, which those libraries refuse rather than resume inexactly
            doc.put("format", state.origin != null ? FORMAT : model.family().equals(ai.bigdata.core.model.NeuralNetwork.FAMILY) ? 1 : 2);
            doc.put("family", model.family());
            doc.put("kind", model.kind());
            doc.put("description", model.description());
            doc.put("signature", model.signature().toMap());
            doc.put("state", state.toMap());
            Map<String, byte[]> parts = new LinkedHashMap<>();
            parts.put(STATE, JSON.writeValueAsBytes(doc));
            ByteArrayOutputStream net = new ByteArrayOutputStream();
            model.write(net, true);
            parts.put(NETWORK, net.toByteArray());
            if (state.bestParams != null) {
                ByteArrayOutputStream best = new ByteArrayOutputStream();
                Nd4j.write(best, state.bestParams);
                parts.put(BEST, best.toByteArray());
            }
            AtomicFiles.write(file, true, tmp -> SealedZip.write(tmp, parts));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Contents read(Path file) {
        Map<String, byte[]> entries;
        try {
            entries = SealedZip.read(file).parts();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("checkpoint " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint " + file + " cannot be read (damaged or not a checkpoint): " + e.getMessage(), e);
        }
        if (!entries.containsKey(STATE) || !entries.containsKey(NETWORK)) {
            throw new IllegalArgumentException("checkpoint " + file + " is incomplete: it lacks " + (entries.containsKey(STATE) ? NETWORK : STATE));
        }
        Map<String, Object> doc;
        try {
            doc = JSON.readValue(entries.get(STATE), Map.class);
        } catch (IOException e) {
            throw damaged(file, e);
        }
        if (!(doc.get("format") instanceof Number f)) {
            throw new IllegalArgumentException("checkpoint " + file + " is damaged: its " + STATE + " has no format number");
        }
        if (f.intValue() < 1) {
            throw new IllegalArgumentException("checkpoint " + file + " is damaged: its format number " + f.intValue() + " is below 1");
        }
        if (f.intValue() > FORMAT) {
            throw new IllegalArgumentException("checkpoint " + file + " has format " + f.intValue() + ", newer than this library's "
                    + FORMAT);
        }
        try {
            TrainingState state = TrainingState.fromMap((Map<String, Object>) doc.get("state"));
            if (entries.containsKey(BEST)) {
                state.bestParams = Nd4j.read(new ByteArrayInputStream(entries.get(BEST)));
            }
            if (state.origin != null && f.intValue() < FORMAT) {
                throw new IllegalArgumentException("its state names an origin, which format " + f.intValue() + " cannot hold");
            }
            String kind = java.util.Objects.requireNonNull((String) doc.get("kind"), "its state names no network kind");
            String description = (String) doc.get("description");
            ModelSignature signature = ModelSignature.fromMap((Map<String, Object>) doc.get("signature"));
            // checkpoints written before families were recorded hold multilayer networks (a null family)
            Network net = Network.read((String) doc.get("family"), kind, description == null ? kind : description, signature,
                    new ByteArrayInputStream(entries.get(NETWORK)), true);
            if (state.bestParams != null && state.bestParams.length() != net.parameterCount()) {
                throw new IllegalArgumentException("its best parameters hold " + state.bestParams.length() + " values, the network "
                        + net.parameterCount());
            }
            return new Contents(net, signature, kind, description, state);
        } catch (IOException | RuntimeException e) {
            // a missing or mistyped field (NullPointerException, ClassCastException) or a damaged network
            throw damaged(file, e);
        }
    }

    private static IllegalArgumentException damaged(Path file, Exception e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IllegalArgumentException("checkpoint " + file + " is damaged: " + what, e);
    }
}
