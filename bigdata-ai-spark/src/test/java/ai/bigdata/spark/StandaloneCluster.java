package ai.bigdata.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * A real Spark standalone cluster on 127.0.0.1 for integration tests: a Master and Workers, each its own JVM
 * started from this JVM's classpath (no Spark installation: an empty {@code <home>/jars} folder, the Scala
 * version from the environment), and a driver session whose executors get the same classpath. Logs go to
 * files in the cluster's folder. {@link #close} stops the session and every JVM it started.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Pattern ALIVE = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final Path dir;
    private final String classpath;
    private final int masterPort;
    private final int masterUiPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private SparkSession session;

    private StandaloneCluster(Path dir) throws IOException {
        this.dir = dir;
        String cp = System.getProperty("surefire.test.class.path");
        this.classpath = cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
        Files.createDirectories(dir.resolve("home/jars"));
        Files.createDirectories(dir.resolve("local"));
        this.masterPort = freePort();
        this.masterUiPort = freePort();
        this.master = start("master", List.of("-Xmx256m", "-Dspark.master.rest.enabled=false", "-cp", classpath,
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                "--webui-port", String.valueOf(masterUiPort)));
    }

    /**
     * Starts a Master and {@code workers} Workers (1 core and {@code workerMemory} each), waits until all are
     * registered, and opens a driver session on it.
     */
    static StandaloneCluster start(Path dir, int workers, String workerMemory, String executorMemory) {
        StandaloneCluster c = null;
        try {
            c = new StandaloneCluster(dir);
            for (int i = 0; i < workers; i++) {
                c.addWorker(workerMemory);
            }
            c.awaitWorkers(workers, Duration.ofSeconds(120));
            c.session = SparkSession.builder()
                    .master(c.url())
                    .appName("bigdata-ai-spark-cluster-it")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.executor.memory", executorMemory)
                    .config("spark.executor.cores", "1")
                    .config("spark.default.parallelism", String.valueOf(workers))
                    .config("spark.sql.shuffle.partitions", String.valueOf(workers))
                    .config("spark.local.dir", dir.resolve("local").toString())
                    .config("spark.executor.extraClassPath", c.classpath)
                    .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
                    .config("spark.executor.extraJavaOptions",
                            "-Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=4G")
                    .config("spark.scheduler.minRegisteredResourcesRatio", "1.0")
                    .config("spark.scheduler.maxRegisteredResourcesWaitingTime", "120s")
                    .getOrCreate();
            return c;
        } catch (IOException e) {
            if (c != null) {
                c.close();
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            if (c != null) {
                c.close();
            }
            throw e;
        }
    }

    /** The driver session. */
    SparkSession session() {
        return session;
    }

    /** The Master's URL. */
    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The Worker JVMs, in start order (a killed one stays in the list). */
    List<Process> workers() {
        return List.copyOf(workers);
    }

    /** Starts one more Worker JVM with 1 core and {@code memory}. */
    Process addWorker(String memory) throws IOException {
        int n = workers.size() + 1;
        Path work = Files.createDirectories(dir.resolve("w" + n));
        Process p = start("worker" + n, List.of("-Xmx256m", "-cp", classpath, "org.apache.spark.deploy.worker.Worker", url(),
                "--host", "127.0.0.1", "--cores", "1", "--memory", memory, "--work-dir", work.toString(), "--webui-port", "0"));
        workers.add(p);
        return p;
    }

    /** How many Workers the Master counts as alive (from its JSON page). */
    int aliveWorkers() {
        try (InputStream in = URI.create("http://127.0.0.1:" + masterUiPort + "/json/").toURL().openStream()) {
            Matcher m = ALIVE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    private void awaitWorkers(int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (aliveWorkers() < n) {
            if (!master.isAlive()) {
                throw new IllegalStateException("the Spark master exited; see " + dir.resolve("master.log"));
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(n + " workers did not register within " + timeout + "; see the logs in " + dir);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Process start(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_HOME", dir.resolve("home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_DIRS", dir.resolve("local").toString());
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the session, then the Workers and the Master (politely, then forcibly), and waits for each to exit. */
    @Override
    public void close() {
        if (session != null) {
            session.stop();
        }
        List<Process> all = new ArrayList<>(workers);
        all.add(master);
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : all) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
