package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsSolver;
import io.github.recsys.als.AlsTrainer;
import io.github.recsys.data.Confidence;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.data.SyntheticInteractions;
import io.github.recsys.io.csv.InteractionReader;
import io.github.recsys.linalg.FloatKernels;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code als-bench}: times ALS iterations on a seeded synthetic power-law matrix and prints one JSON
 * object: shape, settings, {@code secondsPerIteration} (median over iterations), {@code gflops},
 * {@code peakHeapMiB} (sum of the heap pools' peak usage: an upper bound of the heap in use) and
 * {@code simd} (the float kernels used), and {@code processCpuSecondsPerIteration} (median CPU time of
 * the whole process per iteration: about threads x secondsPerIteration on an idle machine; much less
 * means the run was waiting for CPUs other processes held).
 *
 * <pre>
 * als-bench (--synthetic USERS,ITEMS,NNZ [--seed 42] | --input FILE) [--write FILE]
 *           [--confidence linear|log|log:EPS|binary|bm25|bm25:K1:B|tfidf]
 *           [--factors 64] [--iterations 7] [--threads N] [--cg-steps 3] [--solver cg|cholesky]
 *           [--regularization 0.01] [--regularization-exponent 0] [--alpha 1] [--loss]
 * </pre>
 * {@code --input} reads any file {@code InteractionReader.defaults()} accepts (user, item[, value]);
 * {@code --write FILE} saves the (weighted) matrix as {@code user<TAB>item<TAB>count} lines.
 * {@code gflops} counts, per iteration, {@code (2(s+1)+2) k^2 (U+I) + 8(s+1) k N} flops for s CG
 * steps (= {@code 10k^2(U+I) + 32kN} for s = 3), and is omitted for Cholesky.
 */
public final class AlsBenchCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        String synthetic = args.get("synthetic", null);
        String input = args.get("input", null);
        long seed = args.getLong("seed", 42);
        String write = args.get("write", null);
        int factors = args.getInt("factors", 64);
        int iterations = args.getInt("iterations", 7);
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        int cgSteps = args.getInt("cg-steps", 3);
        String solverName = args.get("solver", "cg");
        double regularization = args.getDouble("regularization", AlsConfig.DEFAULT_REGULARIZATION);
        double nu = args.getDouble("regularization-exponent", 0);
        double alpha = args.getDouble("alpha", AlsConfig.DEFAULT_ALPHA);
        boolean loss = args.flag("loss");
        String confidence = args.get("confidence", "linear");
        args.finish();

        AlsSolver solver;
        switch (solverName.toLowerCase(Locale.ROOT)) {
            case "cg": solver = AlsSolver.CG; break;
            case "cholesky": solver = AlsSolver.CHOLESKY; break;
            default: throw new UsageException("--solver expects cg or cholesky, was '" + solverName + "'");
        }
        if ((input == null) == (synthetic == null)) {
            throw new UsageException("give exactly one of --synthetic USERS,ITEMS,NNZ and --input FILE");
        }
        Confidence weighting;
        try {
            weighting = Confidence.parse(confidence);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--confidence: " + e.getMessage());
        }
        AlsConfig config = AlsConfig.builder().factors(factors).iterations(iterations).threads(threads)
                .cgSteps(cgSteps).solver(solver).regularization(regularization).alpha(alpha).seed(seed)
                .regularizationExponent(nu).computeLoss(loss).build();

        long g0 = System.nanoTime();
        InteractionMatrix m;
        if (synthetic != null) {
            int[] shape = parseShape(synthetic);
            m = SyntheticInteractions.powerLaw(shape[0], shape[1], shape[2], seed);
        } else {
            m = InteractionReader.defaults().read(Path.of(input)).log().toMatrix();
        }
        m = weighting.apply(m);
        double generateSeconds = (System.nanoTime() - g0) / 1e9;
        err.printf(Locale.ROOT, "%s %d x %d, nnz %d in %.2f s%n", synthetic != null ? "generated" : "read",
                m.rows(), m.cols(), m.nnz(), generateSeconds);
        if (write != null) {
            writeTsv(m, Path.of(write));
            err.println("wrote " + write);
        }

        List<Double> losses = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long[] lastCpu = {processCpuNanos()};
        long f0 = System.nanoTime();
        AlsModel model = new AlsTrainer(config).fit(m, (it, sec, l) -> {
            long now = processCpuNanos();
            cpu.add((now - lastCpu[0]) / 1e9);
            lastCpu[0] = now;
            err.printf(Locale.ROOT, "iteration %d: %.3f s%s%n", it, sec,
                    Double.isNaN(l) ? "" : String.format(Locale.ROOT, ", loss %.6g", l));
            if (!Double.isNaN(l)) {
                losses.add(l);
            }
        });
        double fitSeconds = (System.nanoTime() - f0) / 1e9;
        double median = model.summary().medianSecondsPerIteration();
        double k = factors;
        // Flops of one iteration: per row, (cgSteps+1) products with the dense k x k Gram (2k^2 each)
        // plus the Gram itself (2k^2 per row of the fixed side); per nonzero and side, (cgSteps+1)
        // fused dot+axpy passes (4k each). For 3 steps: 10k^2(U+I) + 32kN.
        double flops = (2.0 * (cgSteps + 1) + 2) * k * k * ((double) m.rows() + m.cols())
                + 8.0 * (cgSteps + 1) * k * m.nnz();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("users", m.rows());
        json.put("items", m.cols());
        json.put("nnz", m.nnz());
        json.put("factors", factors);
        json.put("threads", threads);
        json.put("iterations", iterations);
        json.put("cgSteps", cgSteps);
        json.put("solver", solver.name().toLowerCase(Locale.ROOT));
        json.put("seed", seed);
        json.put("secondsPerIteration", median);
        json.put("iterationSeconds", model.summary().secondsPerIteration());
        json.put("processCpuSecondsPerIteration", lastCpu[0] < 0 ? null : median(cpu));
        json.put("gflops", solver == AlsSolver.CG && median > 0 ? flops / median / 1e9 : null);
        json.put("peakHeapMiB", peakHeapBytes() / (1024.0 * 1024.0));
        json.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        json.put("simd", FloatKernels.preferred().name());
        json.put("input", synthetic != null ? "synthetic:" + synthetic : input);
        json.put("confidence", weighting.name());
        json.put("loadSeconds", generateSeconds);
        json.put("fitSeconds", fitSeconds);
        if (loss) {
            json.put("loss", losses);
        }
        json.put("factorsSha256", model.factorsSha256());
        out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }

    /** CPU time of the whole process (all threads, GC and JIT included), or -1 when unavailable. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }

    private static int[] parseShape(String synthetic) {
        String[] parts = synthetic.split(",");
        if (parts.length != 3) {
            throw new UsageException("--synthetic expects USERS,ITEMS,NNZ, was '" + synthetic + "'");
        }
        int[] shape = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--synthetic expects three integers USERS,ITEMS,NNZ, was '" + synthetic + "'");
            }
        }
        return shape;
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void writeTsv(InteractionMatrix m, Path file) throws IOException {
        IdIndex users = m.userIndex();
        IdIndex items = m.itemIndex();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(64);
            for (int u = 0; u < m.rows(); u++) {
                int[] row = m.rowItems(u);
                float[] vals = m.rowValues(u);
                for (int t = 0; t < row.length; t++) {
                    sb.setLength(0);
                    sb.append(users.idAt(u)).append('\t').append(items.idAt(row[t])).append('\t');
                    float v = vals[t];
                    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
                        sb.append((long) v);
                    } else {
                        sb.append(v);
                    }
                    sb.append('\n');
                    w.append(sb);
                }
            }
        }
    }
}
