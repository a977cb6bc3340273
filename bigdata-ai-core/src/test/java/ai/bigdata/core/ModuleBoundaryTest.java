package ai.bigdata.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's other modules use core's public API only: no main source file outside
 * {@code bigdata-ai-core} names the package {@code ai.bigdata.core.internal} (an import, a static or
 * wildcard import, or a fully qualified name). Core's tests always run, so the rule is checked on every
 * build; it scans the sibling modules' sources in the repository.
 */
class ModuleBoundaryTest {
    static final String INTERNAL = "ai.bigdata.core.internal";

    /** The lines of {@code source} that name core's internal package, as "line: text". */
    static List<String> internalUses(List<String> source) {
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains(INTERNAL)) {
                hits.add((i + 1) + ": " + source.get(i).strip());
            }
        }
        return hits;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("bigdata-ai-core")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    @Test
    void detectorFindsEveryWayOfNamingTheInternalPackage() {
        assertThat(internalUses(List.of("package ai.bigdata.vision;", "import ai.bigdata.core.internal.ColumnSink;",
                "import static ai.bigdata.core.internal.Cells.get;", "import ai.bigdata.core.internal.*;",
                "long x = ai.bigdata.core.internal.ColumnSink.MAX_CELL_BYTES;", "import ai.bigdata.core.data.Dataset;")))
                .containsExactly("2: import ai.bigdata.core.internal.ColumnSink;", "3: import static ai.bigdata.core.internal.Cells.get;",
                        "4: import ai.bigdata.core.internal.*;", "5: long x = ai.bigdata.core.internal.ColumnSink.MAX_CELL_BYTES;");
    }

    @Test
    void noMainSourceOutsideCoreUsesCoreInternals() throws IOException {
        Path root = repositoryRoot();
        List<Path> modules;
        try (Stream<Path> s = Files.list(root)) {
            modules = s.filter(p -> p.getFileName().toString().startsWith("bigdata-ai-"))
                    .filter(p -> !p.getFileName().toString().equals("bigdata-ai-core"))
                    .filter(p -> Files.isDirectory(p.resolve("src/main/java"))).sorted().toList();
        }
        List<String> scanned = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (Path module : modules) {
            try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    scanned.add(root.relativize(f).toString().replace('\\', '/'));
                    try {
                        for (String hit : internalUses(Files.readAllLines(f, StandardCharsets.UTF_8))) {
                            violations.add(root.relativize(f) + ":" + hit);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + f, e);
                    }
                }
            }
        }
        // the scan is not vacuous: it saw the modules that used the internals before the public writer
        assertThat(scanned).contains("bigdata-ai-vision/src/main/java/ai/bigdata/vision/IdxReader.java",
                "bigdata-ai-benchmarks/src/main/java/ai/bigdata/benchmarks/prep/PreprocessingBenchmark.java");
        assertThat(violations).as("main sources outside bigdata-ai-core that use " + INTERNAL
                + " (use the public API, e.g. Dataset.writer, io.Decompression)").isEmpty();
    }
}
