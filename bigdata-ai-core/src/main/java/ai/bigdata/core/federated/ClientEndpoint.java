package ai.bigdata.core.federated;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.Network;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;

/**
 * A party's side of a federation run in its own process: it holds the party's rows, waits for the
 * server's connection ({@link FederatedClient#remote} on the server side) and trains when asked. Only the
 * signature, the row count, a public key and the round updates leave it.
 *
 * <pre>{@code
 * try (Dataset mine = Dataset.readArrow(Path.of("my-rows.arrow"));
 *      ClientEndpoint endpoint = ClientEndpoint.open(mine, 0)) {
 *     System.out.println("port " + endpoint.port());
 *     endpoint.serve();   // until the server ends the session
 * }
 * }</pre>
 */
public final class ClientEndpoint implements AutoCloseable {
    private final ClientTraining training;
    private final ServerSocket listener;

    private ClientEndpoint(Dataset data, InetSocketAddress bind) throws IOException {
        this.training = new ClientTraining(data);
        this.listener = new ServerSocket();
        listener.bind(bind);
    }

    /** An endpoint for {@code data} on the loopback interface; port 0 picks a free port (see {@link #port()}). */
    public static ClientEndpoint open(Dataset data, int port) throws IOException {
        return open(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** An endpoint for {@code data} bound to {@code address}. */
    public static ClientEndpoint open(Dataset data, InetSocketAddress address) throws IOException {
        Objects.requireNonNull(data, "data");
        return new ClientEndpoint(data, Objects.requireNonNull(address, "address"));
    }

    /** The port it listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Accepts one server connection and serves it until the server says goodbye or disconnects. A
     * failure in local training is sent to the server as an error message, and serving goes on.
     *
     * @throws IOException when the connection breaks or the peer breaks the protocol
     */
    public void serve() throws IOException {
        try (Socket s = listener.accept()) {
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
            Wire.readOpening(in);
            Wire.writeOpening(out);
            Wire.writeHello(out, training.hello());
            while (true) {
                byte type;
                try {
                    type = Wire.readType(in, Wire.SHIP, Wire.TASK, Wire.BYE);
                } catch (EOFException e) {
                    return;
                }
                if (type == Wire.BYE) {
                    return;
                }
                if (type == Wire.SHIP) {
                    receiveNetwork(in, out);
                } else {
                    RoundTask task = Wire.readTask(in);
                    ClientUpdate u;
                    try {
                        u = training.train(task);
                    } catch (RuntimeException e) {
                        Wire.writeError(out, e.getClass().getSimpleName() + ": " + e.getMessage());
                        continue;
                    }
                    Wire.writeUpdate(out, u);
                }
            }
        }
    }

    private void receiveNetwork(DataInputStream in, DataOutputStream out) throws IOException {
        String family = Wire.readText(in);
        String kind = Wire.readText(in);
        String description = Wire.readText(in);
        byte[] model = Wire.readBytes(in, 1 << 30);
        try {
            Network n = Network.read(family, kind, description, training.hello().signature(), new ByteArrayInputStream(model), true);
            training.adopt(n);
        } catch (IOException | RuntimeException e) {
            Wire.writeError(out, "cannot read the shipped " + family + " " + kind + " network: " + e.getMessage());
            return;
        }
        out.writeByte(Wire.OK);
        out.flush();
    }

    /** Stops listening. */
    @Override
    public void close() throws IOException {
        listener.close();
    }
}
