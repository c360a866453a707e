package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.conversion.data.SessionGenerator;
import io.github.recsys.conversion.data.SessionGeneratorConfig;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.io.csv.TableCsvWriter;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code generate-sessions}: writes a seeded synthetic session table ({@link SessionGenerator}) as
 * CSV with the original header.
 *
 * <pre>
 * generate-sessions --rows N [--seed 42] --out FILE|- [--threads N] [--clean]
 *                   [--duplicate-rate 0.01] [--invalid-time-rate 0.01] [--missing-rate 0.005]
 * </pre>
 * With {@code --out FILE}, stdout gets one JSON object {@code {rows, seed, file, conversionRate,
 * generateSeconds, generateRowsPerSecond, writeSeconds, writeRowsPerSecond}}; with {@code --out -}
 * the CSV goes to stdout instead. Rows/s are also reported on stderr.
 */
public final class GenerateSessionsCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        int rows = args.getInt("rows", -1);
        long seed = args.getLong("seed", 42);
        String file = args.require("out");
        SessionGeneratorConfig.Builder b = SessionGeneratorConfig.builder().rows(rows).seed(seed);
        if (args.has("threads")) {
            b.threads(args.getInt("threads", 1));
        }
        if (args.flag("clean")) {
            b.clean();
        }
        if (args.has("duplicate-rate")) {
            b.duplicateRate(args.getDouble("duplicate-rate", 0));
        }
        if (args.has("invalid-time-rate")) {
            b.invalidTimeRate(args.getDouble("invalid-time-rate", 0));
        }
        if (args.has("missing-rate")) {
            b.missingRate(args.getDouble("missing-rate", 0));
        }
        args.finish();
        if (rows < 0) {
            throw new UsageException("missing required option --rows (number of sessions, >= 0)");
        }
        SessionGeneratorConfig config;
        try {
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        long t0 = System.nanoTime();
        Table t = SessionGenerator.generate(config);
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "generated %,d sessions in %.3f s (%,.0f rows/s, %d threads)%n", rows, genSeconds,
                rows / Math.max(genSeconds, 1e-9), config.threads());
        long t1 = System.nanoTime();
        TableCsvWriter writer = TableCsvWriter.builder().build();
        if (file.equals("-")) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write(t, w);
            w.flush();
        } else {
            writer.write(t, Path.of(file));
        }
        double writeSeconds = (System.nanoTime() - t1) / 1e9;
        err.printf(Locale.ROOT, "wrote %s in %.3f s (%,.0f rows/s)%n", file.equals("-") ? "CSV to stdout" : file, writeSeconds,
                rows / Math.max(writeSeconds, 1e-9));
        if (!file.equals("-")) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rows", rows);
            json.put("seed", seed);
            json.put("file", file);
            json.put("conversionRate", t.numeric("Converted").mean());
            json.put("threads", config.threads());
            json.put("generateSeconds", genSeconds);
            json.put("generateRowsPerSecond", rows / Math.max(genSeconds, 1e-9));
            json.put("writeSeconds", writeSeconds);
            json.put("writeRowsPerSecond", rows / Math.max(writeSeconds, 1e-9));
            out.println(new ObjectMapper().writeValueAsString(json));
        }
        return 0;
    }
}
