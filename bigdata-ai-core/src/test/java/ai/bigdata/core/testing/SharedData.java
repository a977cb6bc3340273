package ai.bigdata.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's real data sets in {@code shared/data} beside the repository (read-only), or
 * where the {@code BIGDATA_AI_DATA} environment variable points.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The path of a file under the shared data folder; fails clearly when the folder is missing. */
    public static Path file(String relative) {
        String env = System.getenv("BIGDATA_AI_DATA");
        if (env != null) {
            return Path.of(env).resolve(relative);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 5 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative);
            }
            Path sibling = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(sibling)) {
                return sibling.resolve(relative);
            }
        }
        throw new IllegalStateException("cannot find shared/data above " + Path.of("").toAbsolutePath()
                + "; set BIGDATA_AI_DATA to the data folder");
    }
}
