package io.github.recsys.benchmarks;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.recsys.conversion.data.DropDuplicates;
import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.data.FittedPipeline;
import io.github.recsys.conversion.data.Imputer;
import io.github.recsys.conversion.data.OneHotEncoder;
import io.github.recsys.conversion.data.Pipeline;
import io.github.recsys.conversion.data.RowFilter;
import io.github.recsys.conversion.data.SessionGenerator;
import io.github.recsys.conversion.data.SessionGeneratorConfig;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.io.csv.TableCsvReader;
import io.github.recsys.io.csv.TableCsvWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

/**
 * Session-table data path on generated sessions (seed 7): generation, CSV parsing of an in-memory
 * file, de-duplication, and a fitted cleaning + one-hot + scaling pipeline turning the table into a
 * 22-column {@link FeatureMatrix}. Rows/s = rows / reported time.
 *
 * <p>Run: {@code java -jar recsys-benchmarks/target/benchmarks.jar SessionTableBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SessionTableBenchmark {

    @Param({"200000"})
    public int rows;

    @Param({"1", "2"})
    public int threads;

    private Table table;
    private String csv;
    private FittedPipeline pipeline;
    private TableCsvReader reader;
    private DropDuplicates dedup;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        table = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(rows).seed(7).threads(1).build());
        StringWriter w = new StringWriter();
        TableCsvWriter.builder().build().write(table, w);
        csv = w.toString();
        reader = TableCsvReader.builder().build();
        dedup = new DropDuplicates();
        pipeline = Pipeline.builder()
                .dropDuplicates()
                .filter(RowFilter.greaterThan("Time_Spent", 0))
                .drop("User_ID", "Session_ID")
                .impute("Age", Imputer.Strategy.MEDIAN)
                .impute("Gender", Imputer.Strategy.MOST_FREQUENT)
                .impute("Location", Imputer.Strategy.MOST_FREQUENT)
                .standardizeNumerics()
                .oneHotCategoricals(OneHotEncoder.Unknown.ZERO, false)
                .target("Converted")
                .build().fit(table);
    }

    /** Generate {@code rows} sessions with {@code threads} threads. */
    @Benchmark
    public Table generate() {
        return SessionGenerator.generate(SessionGeneratorConfig.builder().rows(rows).seed(7).threads(threads).build());
    }

    /** Parse the CSV text of {@code rows} sessions into a typed table (single-threaded; {@code threads} unused). */
    @Benchmark
    public Table readCsv() throws IOException {
        return reader.read(new StringReader(csv), "sessions.csv").table();
    }

    /**
     * The floor under {@link #readCsv()}: Jackson's CSV tokenizer alone over the same text, reading
     * every field as a String and nothing else.
     */
    @Benchmark
    public long tokenizeCsvOnly() throws IOException {
        long chars = 0;
        try (CsvParser p = TOKENIZER.createParser(new StringReader(csv))) {
            p.setSchema(CsvSchema.emptySchema());
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING) {
                    chars += p.getText().length();
                }
            }
        }
        return chars;
    }

    private static final CsvFactory TOKENIZER = new CsvFactory();

    /** Drop exact duplicate rows (all 11 columns). */
    @Benchmark
    public Table dropDuplicates() {
        return dedup.apply(table);
    }

    /** Fitted pipeline: clean, impute, scale, one-hot, assemble the feature matrix. */
    @Benchmark
    public FeatureMatrix pipelineTransform() {
        return pipeline.transform(table);
    }
}
