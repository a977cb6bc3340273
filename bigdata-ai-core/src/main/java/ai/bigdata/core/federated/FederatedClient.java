package ai.bigdata.core.federated;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.Network;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * A party of a federation as the server reaches it: a thread in this JVM holding its own rows
 * ({@link #local}), or another process serving its rows through a {@link ClientEndpoint}
 * ({@link #remote}). The server only ever receives the client's signature, row count, public key and
 * round updates; the rows stay where they are.
 *
 * <p>Instances are made by the factory methods only.
 */
public abstract class FederatedClient implements AutoCloseable {
    private final String name;

    FederatedClient(String name) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a client needs a non-blank name");
        }
    }

    /**
     * A client in this JVM that trains on {@code data} (a label column and feature columns as for
     * {@code Trainer}); the caller keeps ownership of the dataset.
     */
    public static FederatedClient local(String name, Dataset data) {
        return new LocalClient(name, data);
    }

    /**
     * A client in another process, serving its rows through a {@link ClientEndpoint} at {@code address};
     * the server waits for its answers without a time limit.
     */
    public static FederatedClient remote(String name, InetSocketAddress address) {
        return new RemoteClient(name, address, Duration.ZERO);
    }

    /**
     * A client in another process that must answer every message (the hand-shake, the shipped network,
     * each round's local training) within {@code timeout}; one that does not is a
     * {@link ClientFailedException} naming it and the round.
     *
     * @throws IllegalArgumentException unless the timeout is positive and at most {@link Integer#MAX_VALUE} ms
     */
    public static FederatedClient remote(String name, InetSocketAddress address, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive and at most " + Integer.MAX_VALUE + " ms, got " + timeout);
        }
        return new RemoteClient(name, address, timeout);
    }

    /** The client's name, used in records and errors. */
    public final String name() {
        return name;
    }

    abstract ClientHello hello();

    /** Hands the client the network once, before its first round. */
    abstract void ship(Network network);

    abstract ClientUpdate train(RoundTask task);

    /** Ends the session with the client (a remote endpoint stops serving). */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
