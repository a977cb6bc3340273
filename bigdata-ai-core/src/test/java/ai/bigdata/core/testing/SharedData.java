package ai.bigdata.core.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real data sets that tests read.
 *
 * <p>The small ones (olive, gapminder, reported heights) are bundled as test resources under
 * {@code ai/bigdata/core/testing/data/} (provenance and licence in the README there), so a fresh clone
 * runs their tests. The large ones (Fashion-MNIST, MovieLens, SpamAssassin, CMUdict) are looked up, in
 * this order, in {@code $BIGDATA_AI_DATA}, in {@code shared/data} beside the repository or a folder
 * above it, and in the user cache folder {@code ~/.cache/bigdata-ai/data}. When a data set is in none
 * of them, the test is skipped by a JUnit assumption whose message names the data set, unless the
 * environment variable {@code BIGDATA_AI_REQUIRE_DATA=1} or the system property
 * {@code -Dbigdata.requireData=true} is set (CI sets it): then the missing data set is a failure.
 */
public final class SharedData {
    /** The environment variable that turns a skip for a missing data set into a failure. */
    public static final String REQUIRE_ENV = "BIGDATA_AI_REQUIRE_DATA";
    /** The system property that turns a skip for a missing data set into a failure. */
    public static final String REQUIRE_PROPERTY = "bigdata.requireData";

    private static final String BUNDLED = "/ai/bigdata/core/testing/data/";

    private SharedData() {
    }

    /**
     * The path of a data file or folder, {@code relative} to the data folder (for example
     * {@code "tabular/olive.csv"} or {@code "fashion-mnist"}): the bundled copy when there is one,
     * otherwise the first data folder that holds it. Aborts the calling test (or fails it, when data are
     * required) when it is nowhere.
     */
    public static Path file(String relative) {
        Path bundled = bundled(relative);
        if (bundled != null) {
            return bundled;
        }
        List<Path> folders = folders();
        for (Path folder : folders) {
            Path candidate = folder.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        String message = "data set " + name(relative) + " ('" + relative + "') not found; looked in " + folders
                + " (BIGDATA_AI_DATA " + (System.getenv("BIGDATA_AI_DATA") == null ? "unset" : "set")
                + ", no shared/data above " + Path.of("").toAbsolutePath()
                + " holds it); set BIGDATA_AI_DATA to the folder of the shared data sets (see README)";
        if (required()) {
            throw new IllegalStateException(message + "; " + REQUIRE_ENV + " / -D" + REQUIRE_PROPERTY
                    + " says data must not be skipped");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** The data set's usual name, from its folder. */
    static String name(String relative) {
        String folder = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
        switch (folder) {
            case "fashion-mnist":
                return "Fashion-MNIST";
            case "movielens-small":
                return "MovieLens latest-small";
            case "spamassassin":
                return "SpamAssassin public corpus";
            case "cmudict":
                return "CMUdict";
            case "tabular":
                return "dslabs tables";
            default:
                return folder;
        }
    }

    /** Whether a missing data set fails the test instead of skipping it. */
    public static boolean required() {
        String env = System.getenv(REQUIRE_ENV);
        String prop = System.getProperty(REQUIRE_PROPERTY);
        return isTrue(env) || isTrue(prop);
    }

    private static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true") || v.equals("yes");
    }

    /**
     * The bundled copy of {@code relative} as a file, or null when there is none. When it sits in a jar (core's
     * test-jar on another module's class path) the file is copied once into a temporary folder of this JVM.
     */
    private static Path bundled(String relative) {
        URL url = SharedData.class.getResource(BUNDLED + relative);
        if (url == null) {
            return null;
        }
        if (!"file".equals(url.getProtocol())) {
            return extracted(relative, url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }

    private static final java.util.Map<String, Path> EXTRACTED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Path extracted(String relative, URL url) {
        return EXTRACTED.computeIfAbsent(relative, r -> {
            try (java.io.InputStream in = url.openStream()) {
                Path dir = Files.createTempDirectory("bigdata-ai-bundled-data");
                Path file = dir.resolve(r.replace('/', '_'));
                Files.copy(in, file);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return file;
            } catch (java.io.IOException e) {
                // a folder inside a jar cannot be read as a stream: not bundled as a file
                return null;
            }
        });
    }

    /** The data folders searched, in order: the environment variable's, every {@code shared/data} above, the user cache. */
    static List<Path> folders() {
        List<Path> out = new ArrayList<>();
        String env = System.getenv("BIGDATA_AI_DATA");
        if (env != null && !env.isBlank()) {
            out.add(Path.of(env));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 5 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate) && !out.contains(candidate)) {
                out.add(candidate);
            }
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "bigdata-ai", "data");
        out.add(cache);
        return out;
    }
}
