package ai.bigdata.nlp.corpus;

import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.io.Decompression;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON Lines corpus (plain, gzip or zstd): one object per line with a text field and a label field.
 * The id of a row is {@code <file name>:<line>}. A line that is not an object with a string text and a
 * scalar label is counted as undecodable with its line number; blank lines are passed over.
 */
public final class JsonLinesCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesCorpus() {
    }

    /**
     * Reads {@code file}; columns are named {@code text}, {@code label} and {@code source}.
     *
     * @param textKey  the key of the text
     * @param labelKey the key of the label (string, number or boolean, taken as its text)
     * @throws DataFormatException when the file is not UTF-8 or its compression is damaged (naming the file and line)
     */
    public static CorpusRead read(Path file, String textKey, String labelKey) {
        List<String[]> docs = new ArrayList<>();
        Map<String, String> undecodable = new LinkedHashMap<>();
        String name = file.getFileName().toString();
        long lines = 0;
        long blank = 0;
        try (InputStream r = new BufferedInputStream(Decompression.open(file), 1 << 16)) {
            String line;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            while ((line = readLine(r, buffer, file, lines + 1)) != null) {
                lines++;
                if (line.isBlank()) {
                    blank++;
                    continue;
                }
                String id = name + ":" + lines;
                String problem = null;
                try {
                    JsonNode n = JSON.readTree(line);
                    JsonNode t = n == null ? null : n.get(textKey);
                    JsonNode l = n == null ? null : n.get(labelKey);
                    if (n == null || !n.isObject()) {
                        problem = "not a JSON object";
                    } else if (t == null || !t.isTextual()) {
                        problem = "field '" + textKey + "' is " + (t == null ? "missing" : "not a string");
                    } else if (l == null || !l.isValueNode() || l.isNull()) {
                        problem = "field '" + labelKey + "' is " + (l == null || l.isNull() ? "missing" : "not a scalar");
                    } else {
                        docs.add(new String[] {t.textValue(), l.asText(), id});
                    }
                } catch (JsonProcessingException e) {
                    problem = "not valid JSON: " + e.getOriginalMessage();
                }
                if (problem != null) {
                    undecodable.put(id, problem);
                }
            }
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        var data = TextCorpus.CorpusDatasets.write(docs, "text", "label", "source");
        return new CorpusRead(data, new CorpusReport(lines - blank, docs.size(), List.of(), undecodable, List.of(),
                Map.of()));
    }

    /** The next line (without its line break) decoded strictly as UTF-8, or null at the end. */
    private static String readLine(InputStream in, ByteArrayOutputStream buffer, Path file, long line) throws IOException {
        buffer.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            buffer.write(b);
        }
        if (b < 0 && buffer.size() == 0) {
            return null;
        }
        byte[] bytes = buffer.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file.toString(), line, null, null, "bytes that are not UTF-8", e);
        }
    }
}
