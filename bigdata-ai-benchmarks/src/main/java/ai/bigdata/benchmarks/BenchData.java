package ai.bigdata.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the shared real data sets for benchmarks: {@code -Dbigdata.data=DIR}, {@code $BIGDATA_AI_DATA},
 * {@code shared/data} in or beside a folder above the working directory, or {@code ~/.cache/bigdata-ai/data}.
 * The runner asks {@link #find} first and lists a benchmark whose data are absent as MISSING.
 */
public final class BenchData {
    private BenchData() {
    }

    /** The data folder, if one of the places above has it. */
    public static Optional<Path> folder() {
        String prop = System.getProperty("bigdata.data", System.getenv("BIGDATA_AI_DATA"));
        if (prop != null) {
            return Files.isDirectory(Path.of(prop)) ? Optional.of(Path.of(prop)) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path c : new Path[] {dir.resolve("shared/data"), dir.resolveSibling("shared").resolve("data")}) {
                if (Files.isDirectory(c)) {
                    return Optional.of(c);
                }
            }
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "bigdata-ai", "data");
        return Files.isDirectory(cache) ? Optional.of(cache) : Optional.empty();
    }

    /** The file or folder {@code relative} under the data folder, if it exists. */
    public static Optional<Path> find(String relative) {
        return folder().map(d -> d.resolve(relative)).filter(Files::exists);
    }

    /** Why {@code relative} cannot be found, for a MISSING row. */
    public static String whyMissing(String relative) {
        return folder().map(d -> relative + " is not in " + d)
                .orElse("no data folder (-Dbigdata.data, $BIGDATA_AI_DATA, shared/data above, ~/.cache/bigdata-ai/data)");
    }

    /** A file under the data folder; fails with the reason when it is absent. */
    public static Path file(String relative) {
        return find(relative).orElseThrow(() -> new IllegalStateException("benchmark data missing: " + whyMissing(relative)));
    }
}
