package ai.bigdata.core.federated;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients as separate processes over loopback sockets: three child JVMs ({@link EndpointChild}) each
 * build and keep their own part of the olive data; this JVM, the server, knows only their addresses, so
 * no row can reach it. With secure aggregation it receives masked updates only. The model it ends with
 * is bit-identical to the same federation run with thread clients in one JVM.
 */
@ExtendWith(ArrowLeakCheck.class)
class FederatedProcessesIT {

    private static FederatedAveraging fed() {
        return FederatedAveraging.builder().rounds(3).localEpochs(1).batchSize(32).optimizer(Optimizer.adam(0.01)).seed(5)
                .secureAggregation(true).build();
    }

    @Test
    void clientsInOtherProcessesTrainTheModelThreadClientsTrain() throws Exception {
        int parts = 3;
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        List<FederatedClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < parts; i++) {
                Process p = start(i, parts);
                children.add(p);
                outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < parts; i++) {
                clients.add(FederatedClient.remote("process-" + i,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port(outputs.get(i), children.get(i)))));
            }
            NeuralNetwork remote = NeuralNetwork.mlp().hidden(16).build();
            FederatedHistory h = fed().fit(remote, clients);
            clients.forEach(FederatedClient::close);
            for (int i = 0; i < parts; i++) {
                assertThat(children.get(i).waitFor(60, TimeUnit.SECONDS)).as("child %d ends after goodbye", i).isTrue();
                assertThat(children.get(i).exitValue()).isZero();
            }
            assertThat(h.last().clients()).containsExactly("process-0", "process-1", "process-2");

            NeuralNetwork local = NeuralNetwork.mlp().hidden(16).build();
            try (FederatedFixtures f = new FederatedFixtures(parts, true)) {
                fed().fit(local, f.localClients());
            }
            assertThat(remote.parameters().dup().data().asFloat()).isEqualTo(local.parameters().dup().data().asFloat());
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    private static Process start(int part, int parts) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Dorg.bytedeco") || a.startsWith("-Dbigdata")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx1g");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(EndpointChild.class.getName());
        cmd.addAll(List.of(Integer.toString(part), Integer.toString(parts), "skewed"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Reads the child's output up to its {@code PORT} line; fails with what it printed when it ends first. */
    private static int port(BufferedReader out, Process p) throws Exception {
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(5).trim());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child ended (" + p.waitFor() + ") before it listened:\n" + seen);
    }
}
