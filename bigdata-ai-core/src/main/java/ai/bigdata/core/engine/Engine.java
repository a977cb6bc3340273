package ai.bigdata.core.engine;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and starts the fastest correct ND4J engine for this machine, before ND4J loads.
 *
 * <p>The CPU backend ships several native builds of ND4J (classifiers of {@code nd4j-native}).
 * Measured here (see README, "Engine"), the builds with oneDNN train the reference CNN about 4x
 * faster than the default {@code linux-x86_64} build, but only when DL4J's oneDNN layer helpers are
 * really on, which M2.1 prevents twice: the helpers are disabled by default (system property
 * {@value #HELPERS_DISABLE}) and their availability check looks up a class that M2.1 renamed. This
 * class therefore, unless the user has decided otherwise by setting the properties:
 *
 * <ol>
 *   <li>picks the first native build, in the measured order of preference, whose jar is on the class
 *       path and whose instruction sets this CPU has, by setting {@value #EXTENSION} (JavaCPP's
 *       choice of build); a CPU without AVX-512 or AVX2 gets a build without them;</li>
 *   <li>sets {@value #HELPERS_DISABLE} to {@code false}; the class {@code org.nd4j.nativeblas.Nd4jCpu}
 *       in this jar restores the name the helper check looks for;</li>
 *   <li>logs one line that says which engine runs, and a warning if oneDNN is not really on.</li>
 * </ol>
 *
 * <p>{@link #configure()} only sets properties and is cheap; it runs when the library's data classes
 * load. {@link #start()} also loads ND4J and reports what runs.
 */
public final class Engine {
    /** JavaCPP's system property that selects a native build (for example {@code -onednn}). */
    public static final String EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /** DL4J's system property that disables its layer helpers (DL4J's default: true). */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";

    /** One native build: the classifier suffix and the CPU flags it needs. */
    private record Build(String extension, Set<String> needs) {
    }

    /**
     * Native builds in order of preference (README, "Engine"): the CPU-specific oneDNN builds first, when
     * their jar is present and this CPU has their instruction sets, then the generic {@code -onednn}
     * build that runs on every x86-64 CPU, then the plain build; the last two need nothing.
     */
    private static final List<Build> PREFERENCE = List.of(
            new Build("-onednn-avx512", Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq")),
            new Build("-onednn-avx2", Set.of("avx2", "fma")),
            new Build("-onednn", Set.of()),
            new Build("", Set.of()));

    private static String chosenBuild = "";
    private static boolean configured;
    private static volatile EngineInfo info;

    private Engine() {
    }

    /** Sets the engine's system properties unless the user has set them. Idempotent; does not load ND4J. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        String platform = platform();
        String userChoice = System.getProperty(EXTENSION);
        if (userChoice != null) {
            chosenBuild = platform + userChoice;
        } else if (!platform.isEmpty()) {
            String extension = chooseExtension(platform, CpuFeatures.flags(), Engine::present);
            if (extension != null) {
                if (!extension.isEmpty()) {
                    System.setProperty(EXTENSION, extension);
                }
                chosenBuild = platform + extension;
            }
        }
        if (System.getProperty(HELPERS_DISABLE) == null) {
            System.setProperty(HELPERS_DISABLE, "false");
        }
    }

    /**
     * The extension of the first native build, in order of preference, whose jar is present (as told by
     * {@code present}, given the full build name such as {@code linux-x86_64-onednn-avx2}) and whose
     * instruction sets are all among {@code cpuFlags}; {@code ""} for the plain build, null if none is present.
     */
    static String chooseExtension(String platform, Set<String> cpuFlags, Predicate<String> present) {
        for (Build b : PREFERENCE) {
            if (cpuFlags.containsAll(b.needs()) && present.test(platform + b.extension())) {
                return b.extension();
            }
        }
        return null;
    }

    /** System property that sets the native engine's threads (OpenMP and BLAS); see {@link #defaultThreads}. */
    public static final String THREADS = "bigdata.threads";

    /**
     * The thread count the engine starts with: {@value #THREADS} if set, else {@code OMP_NUM_THREADS}
     * if set, else 1 on a machine with 2 cores or fewer and all cores otherwise. Measured on 2 cores
     * (README, "Engine"): with 2 native threads competing with the JVM's own threads, training an MLP
     * 784-256-128-10 takes 18-26 ms per batch of 128 against 7 ms with 1 thread, and a 128x784x256
     * matrix product 1.2-2.5 ms against 0.7 ms; only large convolutions gain from 2 threads (1.3x).
     */
    public static int defaultThreads() {
        String p = System.getProperty(THREADS);
        if (p != null) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("system property " + THREADS + " must be a positive integer, got '" + p + "'");
        }
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null && omp.trim().matches("[1-9][0-9]*")) {
            return Integer.parseInt(omp.trim());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return cores <= 2 ? 1 : cores;
    }

    /**
     * Sets the native engine's threads (OpenMP and BLAS) from now on, for example 2 on a 2-core machine
     * to train a large CNN (1.3x faster there than 1 thread).
     */
    public static synchronized void threads(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + n);
        }
        start();
        applyThreads(n);
        info = inspect();
        LOG.info("bigdata-ai engine: now {}", info);
    }

    private static volatile int configuredThreads;

    private static void applyThreads(int n) {
        configuredThreads = n;
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }

    /**
     * Applies the engine's thread count to the calling thread. OpenMP keeps the count per thread, so a
     * thread other than the one that started the engine would otherwise use every core (measured: an
     * MLP step 10.5 ms there against 8.3 ms with the setting); the trainer, its workers and the
     * predictor call this on their threads.
     */
    public static void useOnThisThread() {
        useOnThisThread(0);
    }

    /** Applies {@code n} native threads (0: the engine's count) to the calling thread only. */
    public static void useOnThisThread(int n) {
        start();
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n > 0 ? n : configuredThreads);
    }

    /** The engine's native thread count. */
    public static int configuredThreads() {
        start();
        return configuredThreads;
    }

    /** Configures, loads ND4J, logs which engine runs and returns it. Idempotent. */
    public static EngineInfo start() {
        EngineInfo i = info;
        if (i != null) {
            return i;
        }
        synchronized (Engine.class) {
            if (info == null) {
                // a bad thread setting fails here, before anything loads, and the next call tries again
                int threads = defaultThreads();
                configure();
                Nd4j.getBackend();
                applyThreads(threads);
                info = inspect();
                if (info.build().contains("onednn") && !(info.oneDnn() && info.layerHelpers())) {
                    LOG.warn("bigdata-ai engine: {} was chosen but oneDNN is not really on ({}); convolutions run on"
                            + " the slow path. Was ND4J used before bigdata-ai configured it?", info.build(), info);
                } else {
                    LOG.info("bigdata-ai engine: {}", info);
                }
            }
            return info;
        }
    }

    /** Forgets that the engine started, so that the next {@link #start()} reads its settings again (tests only). */
    static synchronized void forgetStartForTests() {
        info = null;
    }

    private static EngineInfo inspect() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        boolean oneDnn = org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN();
        boolean helpers = helpersOn();
        int threads = org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        return new EngineInfo(backend, backend.contains("Cpu") ? chosenBuild : "", oneDnn, helpers, threads,
                String.valueOf(env.getOrDefault("blas.vendor", "?")));
    }

    private static boolean helpersOn() {
        if ("true".equalsIgnoreCase(System.getProperty(HELPERS_DISABLE, "true"))) {
            return false;
        }
        try {
            return (Boolean) Class.forName("org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper")
                    .getMethod("mklDnnEnabled").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    private static boolean present(String build) {
        String lib = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "jnind4jcpu.dll"
                : System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? "libjnind4jcpu.dylib"
                : "libjnind4jcpu.so";
        ClassLoader cl = Engine.class.getClassLoader();
        return cl.getResource(BINDINGS + build + "/" + lib) != null;
    }

    /** JavaCPP's platform name of this JVM (for example {@code linux-x86_64}), or empty if unknown. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows" : "";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm64" : "";
        return o.isEmpty() || a.isEmpty() ? "" : o + "-" + a;
    }
}
