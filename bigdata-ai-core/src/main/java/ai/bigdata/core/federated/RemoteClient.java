package ai.bigdata.core.federated;

import ai.bigdata.core.model.Network;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The server's proxy of a client in another process, reached over a socket at a {@link ClientEndpoint}. */
final class RemoteClient extends FederatedClient {
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private final InetSocketAddress address;
    private final int timeoutMillis;
    private Socket socket;
    private DataInputStream in;
    private DataOutputStream out;
    private int expectedLength = -1;

    RemoteClient(String name, InetSocketAddress address, java.time.Duration timeout) {
        super(name);
        this.address = java.util.Objects.requireNonNull(address, "address");
        this.timeoutMillis = (int) timeout.toMillis();
    }

    @Override
    ClientHello hello() {
        try {
            socket = new Socket();
            socket.connect(address, CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
            Wire.writeOpening(out);
            Wire.readOpening(in);
            Wire.readType(in, Wire.HELLO);
            return Wire.readHello(in);
        } catch (IOException e) {
            throw new ClientFailedException(name(), 0, "hand-shake with " + address + " failed: " + describe(e), e);
        }
    }

    @Override
    void ship(Network network) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            network.write(bytes, true);
            out.writeByte(Wire.SHIP);
            Wire.writeText(out, network.family());
            Wire.writeText(out, network.kind());
            Wire.writeText(out, network.description());
            Wire.writeBytes(out, bytes.toByteArray());
            out.flush();
            Wire.readType(in, Wire.OK);
            expectedLength = (int) network.parameters().length();
        } catch (IOException e) {
            throw new ClientFailedException(name(), 0, "shipping the network to " + address + " failed: " + describe(e), e);
        }
    }

    @Override
    ClientUpdate train(RoundTask task) {
        try {
            Wire.writeTask(out, task);
            Wire.readType(in, Wire.UPDATE);
            return Wire.readUpdate(in, expectedLength);
        } catch (IOException e) {
            throw new ClientFailedException(name(), task.round(), (e instanceof Wire.PeerError ? "failed: " : "connection to " + address
                    + " failed: ") + describe(e), e);
        }
    }

    private String describe(IOException e) {
        return e instanceof java.net.SocketTimeoutException ? "no answer within " + timeoutMillis + " ms" : e.getMessage();
    }

    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        try (Socket s = socket) {
            out.writeByte(Wire.BYE);
            out.flush();
        } catch (IOException e) {
            // the endpoint is gone already; nothing is left to end
        }
        socket = null;
    }
}
