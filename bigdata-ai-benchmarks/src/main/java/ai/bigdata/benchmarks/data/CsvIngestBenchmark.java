package ai.bigdata.benchmarks.data;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.core.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CSV ingest of MovieLens {@code ratings.csv} (userId, movieId, rating, timestamp) into typed columns:
 * our reader into Arrow, against Apache Commons CSV and a split loop parsing the same file into
 * primitive arrays (the protocol of peers.md D1). Time per full parse of the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvIngestBenchmark {
    /** Bytes of the file, for MB/s. */
    public long bytes;
    private Path file;

    /** Locates the file. */
    @Setup
    public void setup() throws IOException {
        file = BenchData.file("movielens-small/ratings.csv");
        bytes = Files.size(file);
    }

    /** bigdata-ai: CSV into an Arrow dataset with inferred types (int32, int32, float64, int32). */
    @Benchmark
    public long bigdataAi() {
        try (Dataset d = Dataset.readCsv(file).read()) {
            return d.rowCount();
        }
    }

    /** Baseline: Apache Commons CSV into int[], int[], float[], long[]. */
    @Benchmark
    public long commonsCsv() throws IOException {
        Columns c = new Columns();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                c.add(Integer.parseInt(rec.get(0)), Integer.parseInt(rec.get(1)), Float.parseFloat(rec.get(2)),
                        Long.parseLong(rec.get(3)));
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
                c.add(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Float.parseFloat(f[2]), Long.parseLong(f[3]));
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
