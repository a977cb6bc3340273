package ai.bigdata.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.MissingJvmOptionException;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a JVM without {@code --add-opens=java.base/java.nio} ({@link NoOpensChild}); an integration test
 * because a child JVM takes seconds.
 */
@ExtendWith(ArrowLeakCheck.class)
class NoOpensIT {
    @TempDir
    Path dir;

    /**
     * A JVM without the flag: the library's own bulk copies and mapped addresses work, and the first
     * dataset (CSV, or an Arrow file with a categorical column) fails with the one clear error, not
     * with Arrow's UnsupportedOperationException or "Memory was leaked".
     */
    @Test
    void withoutTheFlagTheFirstDatasetFailsWithTheClearErrorAndOwnCodeNeedsNoFlag() throws Exception {
        Path csv = SharedData.file("tabular/olive.csv");
        Path arrow = dir.resolve("categorical.arrow");
        Schema schema = Schema.of(Column.of("x", ColumnType.FLOAT64), Column.categorical("c", ColumnRole.LABEL, List.of()));
        try (Dataset d = Dataset.builder(schema).add(1.0, "a").add(2.0, "b").build()) {
            d.writeArrow(arrow);
        }
        Map<String, String> steps = runWithoutFlag(csv, arrow);
        String expected = MissingJvmOptionException.class.getName()
                + "|bigdata-ai keeps its data in Apache Arrow memory, and Arrow needs the JVM option "
                + "--add-opens=java.base/java.nio=ALL-UNNAMED";
        assertThat(steps).containsEntry("ownViews", "OK").containsEntry("mappedAddress", "OK");
        assertThat(steps.get("readCsv")).startsWith(expected);
        assertThat(steps.get("readArrow")).startsWith(expected);
    }

    private Map<String, String> runWithoutFlag(Path csv, Path arrow) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Dorg.bytedeco")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), NoOpensChild.class.getName(),
                csv.toString(), arrow.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Path log = dir.resolve("child.log");
        pb.redirectOutput(log.toFile());
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 120 s:\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        Map<String, String> steps = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Za-z]+")) {
                steps.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(steps).as(out).containsOnlyKeys("ownViews", "mappedAddress", "readCsv", "readArrow");
        return steps;
    }
}
