package ai.bigdata.spark;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A core {@link Network} in the form Spark ships to executors: its family, kind, description and
 * signature (as JSON) beside the bytes {@link Network#write} gives, optionally with the optimiser's state.
 */
final class ShippedNetwork implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String family;
    private final String kind;
    private final String description;
    private final String signature;
    private final byte[] bytes;
    private final boolean withUpdater;

    private ShippedNetwork(String family, String kind, String description, String signature, byte[] bytes, boolean withUpdater) {
        this.family = family;
        this.kind = kind;
        this.description = description;
        this.signature = signature;
        this.bytes = bytes;
        this.withUpdater = withUpdater;
    }

    /** The network as it is now (it must be initialised), with the optimiser's state when {@code withUpdater}. */
    static ShippedNetwork of(Network network, boolean withUpdater) {
        if (!network.isInitialised()) {
            throw new IllegalArgumentException("the network is not initialised; train it or initialise it first");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            network.write(out, withUpdater);
            return new ShippedNetwork(network.family(), network.kind(), network.description(),
                    JSON.writeValueAsString(network.signature().toMap()), out.toByteArray(), withUpdater);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the network for the executors", e);
        }
    }

    /** A new network read from the shipped bytes (a fresh copy at every call). */
    Network open() {
        try {
            ModelSignature sig = ModelSignature.fromMap(JSON.readValue(signature, new TypeReference<Map<String, Object>>() {
            }));
            return Network.read(family, kind, description, sig, new ByteArrayInputStream(bytes), withUpdater);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped " + kind + " network", e);
        }
    }
}
