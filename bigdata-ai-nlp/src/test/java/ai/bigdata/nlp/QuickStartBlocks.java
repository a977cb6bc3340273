package ai.bigdata.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a marked code block from a test source, unindented, as the README shows it. */
final class QuickStartBlocks {
    private QuickStartBlocks() {
    }

    static String block(Path source, String marker) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// " + marker + "-BEGIN")) {
                begin = i + 1;
            } else if (lines.get(i).trim().equals("// " + marker + "-END")) {
                end = i;
            }
        }
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("markers " + marker + " not found in " + source);
        }
        List<String> block = lines.subList(begin, end);
        int indent = Integer.MAX_VALUE;
        for (String l : block) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : block) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }
}
