package ai.bigdata.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data sets for benchmarks: {@code -Dbigdata.data=DIR}, {@code $BIGDATA_AI_DATA}, or {@code shared/data} above. */
public final class BenchData {
    private BenchData() {
    }

    /** A file under the data folder. */
    public static Path file(String relative) {
        String prop = System.getProperty("bigdata.data", System.getenv("BIGDATA_AI_DATA"));
        if (prop != null) {
            return Path.of(prop).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path c : new Path[] {dir.resolve("shared/data"), dir.resolveSibling("shared").resolve("data")}) {
                if (Files.isDirectory(c)) {
                    return c.resolve(relative);
                }
            }
        }
        throw new IllegalStateException("cannot find shared/data; pass -Dbigdata.data=DIR");
    }
}
