package ai.bigdata.core.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Socket clients: each party's rows stay behind a {@link ClientEndpoint} (here on threads of this JVM;
 * {@code FederatedProcessesIT} runs them as separate processes), and the server reaches them only by
 * address. The same seed gives the same bits as thread clients, with and without secure aggregation.
 */
@ExtendWith(ArrowLeakCheck.class)
class FederatedSocketTest {

    private static FederatedAveraging.Builder base() {
        return FederatedAveraging.builder().rounds(3).localEpochs(1).batchSize(32).optimizer(Optimizer.adam(0.01)).seed(5);
    }

    /** Serves each part on its own endpoint and thread, runs {@code fed} against them by address, and returns the parameters. */
    private static float[] overSockets(FederatedAveraging fed, FederatedFixtures f) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<ClientEndpoint> endpoints = new ArrayList<>();
        List<Future<?>> served = new ArrayList<>();
        List<FederatedClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < f.parts.size(); i++) {
                ClientEndpoint e = ClientEndpoint.open(f.parts.get(i), 0);
                endpoints.add(e);
                served.add(pool.submit(() -> {
                    e.serve();
                    return null;
                }));
                clients.add(FederatedClient.remote("client-" + i, new InetSocketAddress(InetAddress.getLoopbackAddress(), e.port())));
            }
            NeuralNetwork model = NeuralNetwork.mlp().hidden(16).build();
            fed.fit(model, clients);
            clients.forEach(FederatedClient::close);
            for (Future<?> s : served) {
                s.get(30, TimeUnit.SECONDS);
            }
            return model.parameters().dup().data().asFloat();
        } finally {
            for (ClientEndpoint e : endpoints) {
                e.close();
            }
            pool.shutdownNow();
        }
    }

    private static float[] onThreads(FederatedAveraging fed, FederatedFixtures f) {
        NeuralNetwork model = NeuralNetwork.mlp().hidden(16).build();
        fed.fit(model, f.localClients());
        return model.parameters().dup().data().asFloat();
    }

    @Test
    void socketClientsGiveTheBitsThreadClientsGive() throws Exception {
        try (FederatedFixtures f = new FederatedFixtures(3, true)) {
            assertThat(overSockets(base().build(), f)).isEqualTo(onThreads(base().build(), f));
            assertThat(overSockets(base().secureAggregation(true).proximal(0.5).build(), f))
                    .isEqualTo(onThreads(base().secureAggregation(true).proximal(0.5).build(), f));
        }
    }

    @Test
    void anEndpointThatVanishesIsNamedWithItsRound() throws Exception {
        try (FederatedFixtures f = new FederatedFixtures(2, false);
             ServerSocket impostor = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ExecutorService pool = Executors.newCachedThreadPool();
            ClientEndpoint good = ClientEndpoint.open(f.parts.get(0), 0);
            try {
                pool.submit(() -> {
                    good.serve();
                    return null;
                });
                // a peer that answers the hand-shake like an endpoint, takes the network, then hangs up in round 1
                pool.submit(() -> {
                    try (Socket s = impostor.accept(); ClientEndpoint real = ClientEndpoint.open(f.parts.get(1), 0)) {
                        relayHandshakeThenDrop(s, real);
                    }
                    return null;
                });
                List<FederatedClient> clients = List.of(
                        FederatedClient.remote("good", new InetSocketAddress(InetAddress.getLoopbackAddress(), good.port())),
                        FederatedClient.remote("flaky", new InetSocketAddress(InetAddress.getLoopbackAddress(), impostor.getLocalPort())));
                assertThatThrownBy(() -> base().build().fit(NeuralNetwork.mlp().hidden(4).build(), clients))
                        .isInstanceOf(ClientFailedException.class).hasMessageContaining("client 'flaky' in round 1")
                        .satisfies(e -> assertThat(((ClientFailedException) e).client()).isEqualTo("flaky"));
                clients.forEach(FederatedClient::close);
            } finally {
                good.close();
                pool.shutdownNow();
            }
        }
    }

    /** Passes the opening, hello and shipped network between the server's socket and a real endpoint, then drops both at the first task. */
    private static void relayHandshakeThenDrop(Socket server, ClientEndpoint real) throws Exception {
        ExecutorService serve = Executors.newSingleThreadExecutor();
        try (Socket toReal = new Socket(InetAddress.getLoopbackAddress(), real.port())) {
            serve.submit(() -> {
                real.serve();
                return null;
            });
            DataInputStream fromServer = new DataInputStream(server.getInputStream());
            DataOutputStream toServer = new DataOutputStream(server.getOutputStream());
            DataInputStream fromReal = new DataInputStream(toReal.getInputStream());
            DataOutputStream toRealOut = new DataOutputStream(toReal.getOutputStream());
            Wire.readOpening(fromServer);
            Wire.writeOpening(toRealOut);
            Wire.readOpening(fromReal);
            Wire.writeOpening(toServer);
            Wire.readType(fromReal, Wire.HELLO);
            Wire.writeHello(toServer, Wire.readHello(fromReal));
            fromServer.readByte(); // SHIP
            toRealOut.writeByte(Wire.SHIP);
            for (int i = 0; i < 3; i++) {
                Wire.writeText(toRealOut, Wire.readText(fromServer));
            }
            Wire.writeBytes(toRealOut, Wire.readBytes(fromServer, 1 << 30));
            toRealOut.flush();
            toServer.writeByte(Wire.readType(fromReal, Wire.OK));
            toServer.flush();
            fromServer.readByte(); // the first task: hang up instead of answering
        } catch (IOException e) {
            // the server may hang up first; either way the connection ends here
        } finally {
            server.close();
            serve.shutdownNow();
        }
    }

    @Test
    void aPartyThatStopsAnsweringIsNamedAfterItsTimeout() throws Exception {
        try (FederatedFixtures f = new FederatedFixtures(1, false);
             ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ClientHello hello = new ClientTraining(f.parts.get(0)).hello();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                // answers the hand-shake and takes the network like an endpoint, then never answers the round's task
                pool.submit(() -> {
                    try (Socket s = silent.accept()) {
                        DataInputStream in = new DataInputStream(s.getInputStream());
                        DataOutputStream out = new DataOutputStream(s.getOutputStream());
                        Wire.readOpening(in);
                        Wire.writeOpening(out);
                        Wire.writeHello(out, hello);
                        Wire.readType(in, Wire.SHIP);
                        for (int i = 0; i < 3; i++) {
                            Wire.readText(in);
                        }
                        Wire.readBytes(in, 1 << 30);
                        out.writeByte(Wire.OK);
                        out.flush();
                        Thread.sleep(30_000);
                    }
                    return null;
                });
                FederatedClient c = FederatedClient.remote("silent", new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        silent.getLocalPort()), java.time.Duration.ofMillis(500));
                assertThatThrownBy(() -> base().build().fit(NeuralNetwork.mlp().hidden(4).build(), List.of(c)))
                        .isInstanceOf(ClientFailedException.class).hasMessageContaining("client 'silent' in round 1")
                        .hasMessageContaining("no answer within 500 ms");
                c.close();
                assertThatThrownBy(() -> FederatedClient.remote("x", new InetSocketAddress(1), java.time.Duration.ZERO))
                        .hasMessageContaining("timeout");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aPeerThatIsNoEndpointIsRefusedAtTheHandshake() throws Exception {
        try (ServerSocket notAnEndpoint = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                pool.submit(() -> {
                    try (Socket s = notAnEndpoint.accept()) {
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        Thread.sleep(500);
                    }
                    return null;
                });
                FederatedClient c = FederatedClient.remote("web", new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        notAnEndpoint.getLocalPort()));
                assertThatThrownBy(() -> base().build().fit(NeuralNetwork.mlp().hidden(4).build(), List.of(c)))
                        .isInstanceOf(ClientFailedException.class).hasMessageContaining("client 'web' at hand-shake")
                        .hasMessageContaining("not a bigdata-ai federated peer");
                c.close();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
