package ai.bigdata.benchmarks.data;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CSV ingest into typed columns (the protocol of peers.md D1, on a file large enough to measure): a
 * MovieLens-shaped {@code ratings.csv} (userId, movieId, rating, timestamp) of {@code rows} rows
 * (10 million, about 290 MB) generated once under {@code target/bench-data} with a fixed seed. Our
 * reader into Arrow, against the fastest Java parsers, FastCSV and Jackson CSV, Apache Commons CSV and
 * a split loop, each parsing the same file into primitive arrays. Every read is a one-off: released
 * Arrow memory is given back before each one ({@link Memory#trim()}), so ours pays for fresh pages as
 * a first read in an application does. Each read takes well over 100 ms: single-shot mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvIngestBenchmark {
    /** Rows of the generated file (the smoke run passes fewer). */
    @Param({"10000000"})
    public int rows;

    /** Bytes of the file, for MB/s. */
    public long bytes;
    private Path file;

    /** Generates the file once (kept between runs, regenerated when its size parameter changes). */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        file = Path.of("target", "bench-data", "ratings-" + rows + ".csv").toAbsolutePath();
        if (!Files.exists(file)) {
            generate(file, rows);
        }
        bytes = Files.size(file);
    }

    /** A one-off read: the allocator holds no recycled memory. */
    @Setup(Level.Invocation)
    public void freshAllocator() {
        Memory.trim();
    }

    static void generate(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Random rnd = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("userId,movieId,rating,timestamp\n");
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(1 + rnd.nextInt(200_000)).append(',').append(1 + rnd.nextInt(200_000)).append(',')
                        .append(rnd.nextInt(10) / 2.0 + 0.5).append(',').append(789_652_009L + rnd.nextInt(700_000_000))
                        .append('\n');
                w.append(line);
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** bigdata-ai: CSV into an Arrow dataset with inferred types (int32, int32, float64, int32). */
    @Benchmark
    public long bigdataAi() {
        try (Dataset d = Dataset.readCsv(file).read()) {
            return d.rowCount();
        }
    }

    /** Baseline: FastCSV into int[], int[], float[], long[]. */
    @Benchmark
    public long fastCsv() throws IOException {
        Columns c = new Columns();
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> r = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(file)) {
            boolean header = true;
            for (CsvRecord rec : r) {
                if (header) {
                    header = false;
                    continue;
                }
                c.parse(rec.getField(0), rec.getField(1), rec.getField(2), rec.getField(3));
            }
        }
        return c.n;
    }

    /** Baseline: Jackson CSV (streaming rows as string arrays) into the same arrays. */
    @Benchmark
    public long jacksonCsv() throws IOException {
        Columns c = new Columns();
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withSkipFirstDataRow(true)).readValues(file.toFile())) {
            while (it.hasNext()) {
                String[] f = it.next();
                c.parse(f[0], f[1], f[2], f[3]);
            }
        }
        return c.n;
    }

    /** Baseline: Apache Commons CSV into the same arrays. */
    @Benchmark
    public long commonsCsv() throws IOException {
        Columns c = new Columns();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                c.parse(rec.get(0), rec.get(1), rec.get(2), rec.get(3));
            }
        }
        return c.n;
    }

    /** Baseline: BufferedReader.readLine + String.split into the same arrays. */
    @Benchmark
    public long splitLoop() throws IOException {
        Columns c = new Columns();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                c.parse(f[0], f[1], f[2], f[3]);
            }
        }
        return c.n;
    }

    /** Growable primitive columns. */
    static final class Columns {
        int[] user = new int[1024];
        int[] movie = new int[1024];
        float[] rating = new float[1024];
        long[] time = new long[1024];
        int n;

        /** Parses the fields of one row (the same parsing for every baseline) and appends them. */
        void parse(String u, String m, String r, String t) {
            add(Integer.parseInt(u), Integer.parseInt(m), Float.parseFloat(r), Long.parseLong(t));
        }

        void add(int u, int m, float r, long t) {
            if (n == user.length) {
                user = Arrays.copyOf(user, n * 2);
                movie = Arrays.copyOf(movie, n * 2);
                rating = Arrays.copyOf(rating, n * 2);
                time = Arrays.copyOf(time, n * 2);
            }
            user[n] = u;
            movie[n] = m;
            rating[n] = r;
            time[n] = t;
            n++;
        }
    }
}
