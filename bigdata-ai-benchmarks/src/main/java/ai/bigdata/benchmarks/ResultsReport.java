package ai.bigdata.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one run's results as {@code <dir>/<date>T<time>.json} and {@code .md} (every run kept, none
 * overwritten): every score with its error, and every {@link Comparison} as a speed-up with the interval
 * both errors allow and a verdict that claims a goal only when the whole interval clears it. Rows whose
 * benchmark or peer could not run are listed as MISSING with the reason.
 */
final class ResultsReport {
    private final Map<String, double[]> scores;
    private final Map<String, String> missing;
    private final String header;
    /** Interleaved results by {@link PairedComparison#key()}: {ours ms, baseline ms, speed-up, low, high, pairs}. */
    private final Map<String, double[]> paired;

    /**
     * @param scores  score key to {mean ms, error ms} (JMH: 99.9% confidence half-width; peers: sample sd)
     * @param missing benchmark class or peer score key to the reason it did not run
     * @param header  the first line of the Markdown: when, where, how
     */
    ResultsReport(Map<String, double[]> scores, Map<String, String> missing, String header) {
        this(scores, missing, header, Map.of());
    }

    /** As above, with the results of interleaved comparisons ({@link PairedComparison}). */
    ResultsReport(Map<String, double[]> scores, Map<String, String> missing, String header, Map<String, double[]> paired) {
        this.scores = scores;
        this.missing = missing;
        this.header = header;
        this.paired = paired;
    }

    /** The Markdown table (the part README shows). */
    String markdown() {
        StringBuilder md = new StringBuilder(header).append("\n\n");
        md.append("| what | ours | baseline (same run) | speed-up (baseline time / ours), interval | goal | verdict |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Row r : rows()) {
            md.append(r.markdown()).append('\n');
        }
        for (PairedComparison c : PairedComparison.ALL) {
            double[] r = paired.get(c.key());
            if (r != null) {
                md.append(c.markdown(r)).append('\n');
            }
        }
        return md.toString();
    }

    /** One table row. */
    record Row(Comparison c, String params, double[] ours, String baselineKey, double[] base, String missingReason) {
        String markdown() {
            // a time reads "12.345 ± 0.678 ms"; a reported figure (":rmse", ":peakHeapMb") has no unit and no error
            boolean time = ScoreKey.parse(c.ours()).isTime();
            String unit = time ? " ms" : "";
            String o = String.format(Locale.ROOT, "%s ± %s%s", value(ours[0], time), err(ours[1]), unit);
            if (missingReason != null) {
                return String.format(Locale.ROOT, "| %s %s | %s | %s: MISSING (%s) | - | %s | - |", c.what(), params, o,
                        baselineKey, missingReason, c.goal());
            }
            double[] s = Comparison.speedup(ours[0], ours[1], base[0], base[1]);
            return String.format(Locale.ROOT, "| %s %s | %s | %s: %s ± %s%s | %s | %s | %s |", c.what(), params, o,
                    baselineKey, value(base[0], time), err(base[1]), unit, Comparison.formatSpeedup(s), c.goal(), c.verdict(s[0], s[1], s[2]));
        }

        /** A time with 3 decimals; a reported figure as a whole number when it is one (a row count), else 4 decimals. */
        private static String value(double v, boolean time) {
            return String.format(Locale.ROOT, time ? "%.3f" : v == Math.rint(v) ? "%.0f" : "%.4f", v);
        }

        private static String err(double e) {
            return Double.isNaN(e) ? "?" : String.format(Locale.ROOT, "%.3f", e);
        }
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Comparison c : Comparison.ALL) {
            ScoreKey oursPattern = ScoreKey.parse(c.ours());
            ScoreKey basePattern = ScoreKey.parse(c.baseline());
            String classMissing = missing.get(oursPattern.benchmarkClass());
            if (classMissing != null) {
                rows.add(new Row(c, "", new double[] {Double.NaN, Double.NaN}, c.ours(), null, classMissing));
                continue;
            }
            for (Map.Entry<String, double[]> e : scores.entrySet()) {
                ScoreKey key = ScoreKey.parse(e.getKey());
                if (!key.matches(oursPattern)) {
                    continue;
                }
                String params = key.freeParams(oursPattern);
                Map.Entry<String, double[]> base = baseline(basePattern, key);
                String baseName = c.baseline().substring(c.baseline().indexOf('.') + 1);
                if (base != null) {
                    rows.add(new Row(c, params, e.getValue(), base.getKey().substring(base.getKey().indexOf('.') + 1),
                            base.getValue(), null));
                } else {
                    rows.add(new Row(c, params, e.getValue(), baseName, null, reasonFor(basePattern, key)));
                }
            }
        }
        return rows;
    }

    /** The baseline score with the pattern's name, statistic and fixed parameters, agreeing with ours on shared ones. */
    private Map.Entry<String, double[]> baseline(ScoreKey pattern, ScoreKey ours) {
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            ScoreKey key = ScoreKey.parse(e.getKey());
            if (key.matches(pattern) && key.agreesWith(ours, pattern)) {
                return e;
            }
        }
        return null;
    }

    private String reasonFor(ScoreKey pattern, ScoreKey ours) {
        String classMissing = missing.get(pattern.benchmarkClass());
        if (classMissing != null) {
            return classMissing;
        }
        for (Map.Entry<String, String> m : missing.entrySet()) {
            ScoreKey key = ScoreKey.parse(m.getKey());
            if (key.matches(pattern) && key.agreesWith(ours, pattern)) {
                return m.getValue();
            }
        }
        return "not measured in this run";
    }

    /** Writes the JSON and Markdown files; returns the Markdown file. */
    Path write(Path dir, boolean smoke) throws IOException {
        return write(dir, LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss", Locale.ROOT))
                + (smoke ? "-smoke" : ""), smoke);
    }

    /** Writes {@code <stem>.json} and {@code <stem>.md} in {@code dir}; returns the Markdown file. */
    Path write(Path dir, String stem, boolean smoke) throws IOException {
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("{\n  \"header\": \"" + header.replace("\"", "'") + "\",\n  \"smoke\": " + smoke
                + ",\n  \"benchmarks\": [\n");
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            items.add(String.format(Locale.ROOT, "    {\"name\": \"%s\", \"ms_per_op\": %s, \"error\": %s}", e.getKey(),
                    num(e.getValue()[0]), num(e.getValue()[1])));
        }
        json.append(String.join(",\n", items)).append("\n  ],\n  \"comparisons\": [\n");
        items.clear();
        for (Row r : rows()) {
            double[] s = r.base() == null ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                    : Comparison.speedup(r.ours()[0], r.ours()[1], r.base()[0], r.base()[1]);
            items.add(String.format(Locale.ROOT, "    {\"what\": \"%s %s\", \"ours_ms\": %s, \"baseline\": \"%s\", \"baseline_ms\": %s,"
                    + " \"speedup\": %s, \"speedup_low\": %s, \"speedup_high\": %s, \"verdict\": \"%s\"}",
                    r.c().what(), r.params(), num(r.ours()[0]), r.baselineKey(), r.base() == null ? "null" : num(r.base()[0]),
                    num(s[0]), num(s[1]), num(s[2]), r.missingReason() != null ? "MISSING: " + r.missingReason().replace("\"", "'")
                            : r.c().verdict(s[0], s[1], s[2])));
        }
        json.append(String.join(",\n", items)).append("\n  ],\n  \"paired\": [\n");
        items.clear();
        for (Map.Entry<String, double[]> e : paired.entrySet()) {
            double[] r = e.getValue();
            items.add(String.format(Locale.ROOT, "    {\"name\": \"%s\", \"ours_ms\": %s, \"baseline_ms\": %s, \"speedup\": %s,"
                    + " \"speedup_low\": %s, \"speedup_high\": %s, \"pairs\": %d}", e.getKey(), num(r[0]), num(r[1]), num(r[2]),
                    num(r[3]), num(r[4]), (long) r[5]));
        }
        json.append(String.join(",\n", items)).append("\n  ],\n  \"missing\": {");
        json.append(String.join(", ", missing.entrySet().stream().map(x -> "\"" + x.getKey() + "\": \""
                + x.getValue().replace("\"", "'") + "\"").toList())).append("}\n}\n");
        Files.writeString(dir.resolve(stem + ".json"), json, StandardCharsets.UTF_8);
        Path md = dir.resolve(stem + ".md");
        Files.writeString(md, markdown(), StandardCharsets.UTF_8);
        return md;
    }

    /** The report of a run saved by {@link #write}: its scores, missing entries and header, read back from the JSON. */
    static ResultsReport read(Path json) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        Map<String, double[]> scores = new java.util.LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode b : root.get("benchmarks")) {
            scores.put(b.get("name").asText(), new double[] {number(b.get("ms_per_op")), number(b.get("error"))});
        }
        Map<String, String> missing = new java.util.LinkedHashMap<>();
        root.get("missing").fields().forEachRemaining(e -> missing.put(e.getKey(), e.getValue().asText()));
        Map<String, double[]> paired = new java.util.LinkedHashMap<>();
        if (root.has("paired")) {
            for (com.fasterxml.jackson.databind.JsonNode b : root.get("paired")) {
                paired.put(b.get("name").asText(), new double[] {number(b.get("ours_ms")), number(b.get("baseline_ms")),
                        number(b.get("speedup")), number(b.get("speedup_low")), number(b.get("speedup_high")), number(b.get("pairs"))});
            }
        }
        return new ResultsReport(scores, missing, root.get("header").asText(), paired);
    }

    /**
     * This run's rows over a saved full run: every score of a benchmark class this run measured comes from
     * this run (ours and the baseline of a comparison then still come from one run, as their methods share a
     * class), every other score from {@code base}; the header says which classes were re-measured and where
     * the rest comes from.
     */
    ResultsReport over(ResultsReport base, String baseName) {
        java.util.Set<String> remeasured = new java.util.TreeSet<>();
        scores.keySet().forEach(k -> remeasured.add(ScoreKey.parse(k).benchmarkClass()));
        paired.keySet().forEach(k -> remeasured.add(ScoreKey.parse(k).benchmarkClass()));
        missing.keySet().forEach(k -> remeasured.add(ScoreKey.parse(k).benchmarkClass()));
        Map<String, double[]> merged = new java.util.LinkedHashMap<>();
        base.scores.forEach((k, v) -> {
            if (!remeasured.contains(ScoreKey.parse(k).benchmarkClass())) {
                merged.put(k, v);
            }
        });
        merged.putAll(scores);
        Map<String, String> mergedMissing = new java.util.LinkedHashMap<>();
        base.missing.forEach((k, v) -> {
            if (!remeasured.contains(ScoreKey.parse(k).benchmarkClass())) {
                mergedMissing.put(k, v);
            }
        });
        mergedMissing.putAll(missing);
        Map<String, double[]> mergedPaired = new java.util.LinkedHashMap<>();
        base.paired.forEach((k, v) -> {
            if (!remeasured.contains(ScoreKey.parse(k).benchmarkClass())) {
                mergedPaired.put(k, v);
            }
        });
        mergedPaired.putAll(paired);
        String h = header + " Rows of " + String.join(", ", remeasured) + " were re-measured in this run; every other row"
                + " is from " + baseName + " (" + base.header.substring(0, base.header.indexOf(';') < 0 ? base.header.length()
                : base.header.indexOf(';')) + ").";
        return new ResultsReport(merged, mergedMissing, h, mergedPaired);
    }

    private static double number(com.fasterxml.jackson.databind.JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.6f", v);
    }
}
