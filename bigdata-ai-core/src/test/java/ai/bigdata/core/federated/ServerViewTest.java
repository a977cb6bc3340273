package ai.bigdata.core.federated;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the server sees. Between each socket client and the server sits a relay that records every byte
 * the client sends: no feature value of the client's rows appears in it, and under secure aggregation the
 * update it carries is unrelated to the client's true update (which a plain run of the same seed shows),
 * while the server's model equals the plain one.
 */
@ExtendWith(ArrowLeakCheck.class)
class ServerViewTest {

    private static FederatedAveraging.Builder fed() {
        return FederatedAveraging.builder().rounds(1).localEpochs(1).batchSize(32).optimizer(Optimizer.adam(0.01)).seed(5);
    }

    /** Everything each client sent the server, byte for byte, and the server's resulting parameters. */
    private record Seen(List<byte[]> sent, float[] model) {
    }

    @Test
    void theServerNeverReceivesARowOrAnIndividualUpdate() throws Exception {
        try (FederatedFixtures f = new FederatedFixtures(3, true)) {
            Seen plain = run(fed().build(), f);
            Seen secure = run(fed().secureAggregation(true).build(), f);
            for (int c = 0; c < f.parts.size(); c++) {
                assertNoFeatureValueIn(secure.sent().get(c), f.parts.get(c));
                assertNoFeatureValueIn(plain.sent().get(c), f.parts.get(c));
                double[] truth = update(plain.sent().get(c), false);
                double[] received = update(secure.sent().get(c), true);
                assertThat(received).hasSameSizeAs(truth);
                int sameSign = 0;
                double near = 0;
                for (int i = 0; i < truth.length; i++) {
                    sameSign += (truth[i] < 0) == (received[i] < 0) ? 1 : 0;
                    near = Math.max(near, Math.abs(received[i]));
                }
                // masked values spread over +-2^31 (2^63 / 2^32) with random signs; the true update is tiny
                assertThat(sameSign / (double) truth.length).as("client %d sign agreement", c).isBetween(0.35, 0.65);
                assertThat(near).as("client %d largest received value", c).isGreaterThan(1e6);
            }
            for (int i = 0; i < plain.model().length; i++) {
                assertThat((double) secure.model()[i]).isCloseTo(plain.model()[i], org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    private static Seen run(FederatedAveraging fed, FederatedFixtures f) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<ClientEndpoint> endpoints = new ArrayList<>();
        List<ServerSocket> relays = new ArrayList<>();
        List<ByteArrayOutputStream> records = new ArrayList<>();
        List<Future<?>> tasks = new ArrayList<>();
        List<FederatedClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < f.parts.size(); i++) {
                ClientEndpoint e = ClientEndpoint.open(f.parts.get(i), 0);
                endpoints.add(e);
                tasks.add(pool.submit(() -> {
                    e.serve();
                    return null;
                }));
                ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                relays.add(relay);
                ByteArrayOutputStream record = new ByteArrayOutputStream();
                records.add(record);
                tasks.add(pool.submit(() -> relay(relay, e.port(), record, pool)));
                clients.add(FederatedClient.remote("client-" + i, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        relay.getLocalPort())));
            }
            NeuralNetwork model = NeuralNetwork.mlp().hidden(16).build();
            fed.fit(model, clients);
            clients.forEach(FederatedClient::close);
            for (Future<?> t : tasks) {
                t.get(30, TimeUnit.SECONDS);
            }
            List<byte[]> sent = new ArrayList<>();
            for (ByteArrayOutputStream r : records) {
                synchronized (r) {
                    sent.add(r.toByteArray());
                }
            }
            return new Seen(sent, model.parameters().dup().data().asFloat());
        } finally {
            for (ClientEndpoint e : endpoints) {
                e.close();
            }
            for (ServerSocket r : relays) {
                r.close();
            }
            pool.shutdownNow();
        }
    }

    /** Accepts the server, connects to the endpoint, copies both ways and records what goes to the server. */
    private static Void relay(ServerSocket relay, int endpointPort, ByteArrayOutputStream record, ExecutorService pool) throws Exception {
        try (Socket server = relay.accept(); Socket endpoint = new Socket(InetAddress.getLoopbackAddress(), endpointPort)) {
            Future<?> down = pool.submit(() -> copy(server.getInputStream(), endpoint.getOutputStream(), null));
            copy(endpoint.getInputStream(), server.getOutputStream(), record);
            down.get(30, TimeUnit.SECONDS);
        }
        return null;
    }

    private static Void copy(InputStream in, OutputStream out, ByteArrayOutputStream record) throws Exception {
        byte[] buf = new byte[1 << 16];
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                if (record != null) {
                    synchronized (record) {
                        record.write(buf, 0, n);
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (java.net.SocketException closed) {
            // the other side hung up: the session is over
        }
        try {
            out.close();
        } catch (java.io.IOException ignored) {
            // already closed by the other direction
        }
        return null;
    }

    /** The one round's update the client sent: opening, hello, the network's OK, then the update message. */
    private static double[] update(byte[] sent, boolean masked) throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(sent));
        Wire.readOpening(in);
        Wire.readType(in, Wire.HELLO);
        Wire.readHello(in);
        Wire.readType(in, Wire.OK);
        Wire.readType(in, Wire.UPDATE);
        in.readDouble();
        assertThat(in.readBoolean()).isEqualTo(masked);
        int n = in.readInt();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = masked ? in.readLong() / FixedPoint.SCALE : in.readDouble();
        }
        assertThat(in.available()).as("nothing after the update but the stream's end").isZero();
        return out;
    }

    /** No feature value of the rows, as a big- or little-endian double or float, occurs in the bytes. */
    private static void assertNoFeatureValueIn(byte[] sent, Dataset rows) {
        List<String> features = rows.schema().allWithRole(ai.bigdata.core.data.ColumnRole.FEATURE).stream().map(ai.bigdata.core.data.Column::name).toList();
        List<byte[]> patterns = new ArrayList<>();
        rows.forEachRow(r -> {
            for (String c : features) {
                double v = r.getDouble(c);
                if (v != 0) {
                    for (ByteOrder o : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
                        patterns.add(ByteBuffer.allocate(8).order(o).putDouble(v).array());
                    }
                }
            }
        });
        assertThat(patterns).hasSizeGreaterThan(100);
        String haystack = new String(sent, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (byte[] p : patterns) {
            assertThat(haystack.indexOf(new String(p, java.nio.charset.StandardCharsets.ISO_8859_1))).isEqualTo(-1);
        }
    }
}
