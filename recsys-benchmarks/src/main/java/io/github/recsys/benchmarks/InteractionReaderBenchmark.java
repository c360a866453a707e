package io.github.recsys.benchmarks;

import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionLog;
import io.github.recsys.io.csv.InteractionReader;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link InteractionReader} on a generated tab-separated file
 * ({@code user<TAB>item<TAB>count<TAB>timestamp}, power-law ids, written to the temp folder in
 * setup and deleted afterwards), against the obvious {@code readLine} + {@code split} reader as a baseline.
 * Lines per second = lines / (seconds per op); MB/s = file size / time (243 MB for 10M lines).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar recsys-benchmarks/target/benchmarks.jar
 * InteractionReaderBenchmark -f 1 -wi 1 -i 3 -p lines=10000000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class InteractionReaderBenchmark {

    /** Number of lines in the generated file. */
    @Param({"1000000"})
    public int lines;

    private Path file;
    private InteractionReader reader;

    /** Writes the seeded file. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        file = Files.createTempFile("recsys-reader-bench", ".tsv");
        writeFile(file, lines, 42);
        reader = InteractionReader.defaults();
    }

    /**
     * Writes {@code lines} seeded lines: 138,000 users and 27,000 items drawn with a power law,
     * counts 1..50, 10-digit timestamps.
     */
    public static void writeFile(Path path, int lines, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.US_ASCII)) {
            StringBuilder sb = new StringBuilder(64);
            for (int t = 0; t < lines; t++) {
                double a = rnd.nextDouble();
                double b = rnd.nextDouble();
                int user = 1 + (int) (138_000 * a * a);
                int item = 1 + (int) (27_000 * b * b * b);
                sb.setLength(0);
                sb.append(user).append('\t').append(item).append('\t').append(1 + rnd.nextInt(50)).append('\t')
                        .append(1_000_000_000L + rnd.nextInt(400_000_000)).append('\n');
                w.append(sb);
            }
        }
    }

    /** Removes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Reads the whole file into an {@link InteractionLog}. */
    @Benchmark
    public InteractionLog read() throws IOException {
        return reader.read(file).log();
    }

    /**
     * Baseline for the ratio: the obvious reader ({@code BufferedReader.readLine}, {@code String.split},
     * {@code Long.parseLong} / {@code Float.parseFloat}) into the same id builders and primitive lists.
     */
    @Benchmark
    public InteractionLog readLineSplitBaseline() throws IOException {
        IdIndex.Builder ub = IdIndex.longBuilder();
        IdIndex.Builder ib = IdIndex.longBuilder();
        IntArrayList u = new IntArrayList();
        IntArrayList i = new IntArrayList();
        FloatArrayList v = new FloatArrayList();
        LongArrayList t = new LongArrayList();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t");
                u.add(ub.add(Long.parseLong(f[0])));
                i.add(ib.add(Long.parseLong(f[1])));
                v.add(Float.parseFloat(f[2]));
                t.add(Long.parseLong(f[3]));
            }
        }
        return InteractionLog.of(u.elements(), i.elements(), v.elements(), t.elements(), u.size(), ub.build(), ib.build());
    }
}
