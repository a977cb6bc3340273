package ai.bigdata.core.io;

import ai.bigdata.core.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers of the reader tests: input files written into a folder, and a column's values read back. */
final class ReaderFiles {
    private ReaderFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code dir/name}. */
    static Path write(Path dir, String name, String text) throws IOException {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code dir/name}. */
    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** The values of one column, row by row (null for a missing value). */
    static List<Object> column(Dataset d, String name) {
        List<Object> out = new ArrayList<>();
        d.forEachRow(r -> out.add(r.get(name)));
        return out;
    }
}
