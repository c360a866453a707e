package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsSolver;
import io.github.recsys.als.AlsTrainer;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.data.SyntheticInteractions;
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
 * {@code simd} (the float kernels used).
 *
 * <pre>
 * als-bench --synthetic USERS,ITEMS,NNZ [--seed 42] [--write FILE]
 *           [--factors 64] [--iterations 7] [--threads N] [--cg-steps 3] [--solver cg|cholesky]
 *           [--regularization 0.01] [--alpha 1] [--loss]
 * </pre>
 * {@code --write FILE} also saves the matrix as {@code user<TAB>item<TAB>count} lines.
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
        double alpha = args.getDouble("alpha", AlsConfig.DEFAULT_ALPHA);
        boolean loss = args.flag("loss");
        args.finish();

        AlsSolver solver;
        switch (solverName.toLowerCase(Locale.ROOT)) {
            case "cg": solver = AlsSolver.CG; break;
            case "cholesky": solver = AlsSolver.CHOLESKY; break;
            default: throw new UsageException("--solver expects cg or cholesky, was '" + solverName + "'");
        }
        if (input != null) {
            throw new UsageException("--input is not supported yet by als-bench; use --synthetic USERS,ITEMS,NNZ");
        }
        if (synthetic == null) {
            throw new UsageException("missing required option --synthetic USERS,ITEMS,NNZ");
        }
        String[] parts = synthetic.split(",");
        if (parts.length != 3) {
            throw new UsageException("--synthetic expects USERS,ITEMS,NNZ, was '" + synthetic + "'");
        }
        int users;
        int items;
        long nnz;
        try {
            users = Integer.parseInt(parts[0].trim());
            items = Integer.parseInt(parts[1].trim());
            nnz = Long.parseLong(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--synthetic expects three integers USERS,ITEMS,NNZ, was '" + synthetic + "'");
        }
        AlsConfig config = AlsConfig.builder().factors(factors).iterations(iterations).threads(threads)
                .cgSteps(cgSteps).solver(solver).regularization(regularization).alpha(alpha).seed(seed)
                .computeLoss(loss).build();

        long g0 = System.nanoTime();
        InteractionMatrix m = SyntheticInteractions.powerLaw(users, items, nnz, seed);
        double generateSeconds = (System.nanoTime() - g0) / 1e9;
        err.printf(Locale.ROOT, "generated %d x %d, nnz %d in %.2f s%n", m.rows(), m.cols(), m.nnz(), generateSeconds);
        if (write != null) {
            writeTsv(m, Path.of(write));
            err.println("wrote " + write);
        }

        List<Double> losses = new ArrayList<>();
        long f0 = System.nanoTime();
        AlsModel model = new AlsTrainer(config).fit(m, (it, sec, l) -> {
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
        json.put("gflops", solver == AlsSolver.CG && median > 0 ? flops / median / 1e9 : null);
        json.put("peakHeapMiB", peakHeapBytes() / (1024.0 * 1024.0));
        json.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        json.put("simd", FloatKernels.preferred().name());
        json.put("generateSeconds", generateSeconds);
        json.put("fitSeconds", fitSeconds);
        if (loss) {
            json.put("loss", losses);
        }
        json.put("factorsSha256", model.factorsSha256());
        out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
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
