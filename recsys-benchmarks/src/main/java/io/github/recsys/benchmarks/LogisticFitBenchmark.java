package io.github.recsys.benchmarks;

import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.data.OneHotEncoder;
import io.github.recsys.conversion.data.Pipeline;
import io.github.recsys.conversion.data.RowFilter;
import io.github.recsys.conversion.data.SessionGenerator;
import io.github.recsys.conversion.data.SessionGeneratorConfig;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.conversion.linear.LogisticModel;
import io.github.recsys.conversion.linear.LogisticRegressionConfig;
import io.github.recsys.conversion.linear.LogisticRegressionTrainer;
import io.github.recsys.conversion.linear.Solver;
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

import java.util.concurrent.TimeUnit;

/**
 * A whole logistic-regression fit on generated sessions (cleaned, ids dropped, numerics standardized,
 * categoricals one-hot: 22 columns), default L2 = 1 and tolerance, no standard errors: the figure to
 * compare with other libraries' fit time on the same rows (rows/s = rows / reported time).
 *
 * <p>Run: {@code java -jar recsys-benchmarks/target/benchmarks.jar LogisticFitBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class LogisticFitBenchmark {

    @Param({"2000000"})
    public int rows;

    @Param({"1", "2"})
    public int threads;

    @Param({"NEWTON", "LBFGS"})
    public Solver solver;

    private FeatureMatrix data;
    private LogisticRegressionTrainer trainer;

    @Setup(Level.Trial)
    public void setup() {
        Table raw = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(rows).seed(42).build());
        data = Pipeline.builder()
                .dropDuplicates()
                .filter(RowFilter.greaterThan("Time_Spent", 0))
                .drop("User_ID", "Session_ID")
                .impute("Age", io.github.recsys.conversion.data.Imputer.Strategy.MEDIAN)
                .impute("Gender", io.github.recsys.conversion.data.Imputer.Strategy.MOST_FREQUENT)
                .impute("Location", io.github.recsys.conversion.data.Imputer.Strategy.MOST_FREQUENT)
                .standardizeNumerics()
                .oneHotCategoricals(OneHotEncoder.Unknown.ZERO, false)
                .target("Converted")
                .build().fit(raw).transform(raw);
        trainer = new LogisticRegressionTrainer(LogisticRegressionConfig.builder()
                .solver(solver).threads(threads).standardErrors(false).build());
    }

    /** One complete fit. */
    @Benchmark
    public LogisticModel fit() {
        return trainer.fit(data);
    }
}
