package ai.bigdata.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lines of a test between {@code // README-<name>-BEGIN} and {@code -END}, as the README shows them. */
final class ReadmeBlocks {
    private ReadmeBlocks() {
    }

    /** The block {@code name} of the test class file {@code testFile}, with the test's 8-space indent removed. */
    static String block(String testFile, String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/ai/bigdata/spark", testFile));
        List<String> block = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (l.contains("// README-" + name + "-" + "END")) {
                break;
            }
            if (in) {
                block.add(l.length() >= 8 ? l.substring(8) : l.strip());
            }
            in |= l.contains("// README-" + name + "-" + "BEGIN");
        }
        if (block.isEmpty()) {
            throw new IllegalStateException("no README-" + name + " block in " + testFile);
        }
        return String.join("\n", block);
    }

    /** The README's text. */
    static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"));
    }
}
