package ai.bigdata.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of network families: the family name stored in a bundle or checkpoint maps to the reader
 * of that family. Files written before families were recorded hold multilayer networks.
 */
final class NetworkFamilies {
    /** Reads one family's network from its stored form. */
    @FunctionalInterface
    interface Reader {
        Network read(String kind, String description, ModelSignature signature, InputStream in, boolean withUpdater)
                throws IOException;
    }

    private static final Map<String, Reader> READERS = new TreeMap<>(Map.of(
            NeuralNetwork.FAMILY, NeuralNetwork::read,
            GraphNetwork.FAMILY, GraphNetwork::read,
            QuantizedNetwork.FAMILY, QuantizedNetwork::read,
            Seq2SeqNetwork.FAMILY, Seq2SeqNetwork::read));

    private NetworkFamilies() {
    }

    /**
     * The reader of a family; null stands for a file written before families were recorded (a
     * multilayer network).
     *
     * @throws IllegalArgumentException for a family this library does not know
     */
    static Reader reader(String family) {
        Reader r = READERS.get(family == null ? NeuralNetwork.FAMILY : family);
        if (r == null) {
            throw new IllegalArgumentException("unknown network family '" + family + "'; this library reads " + READERS.keySet());
        }
        return r;
    }
}
