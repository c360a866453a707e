package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.io.csv.Delimiter;
import io.github.recsys.io.csv.InteractionReader;
import io.github.recsys.io.model.AlsModelFiles;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train}: fits ALS on a whole event file and writes the model file that {@code serve --model}
 * and {@code recommend --model} read (format: {@link AlsModelFiles}).
 *
 * <pre>
 * train --input FILE --output MODEL [--format auto|tsv|csv|dat] [--lenient]
 *       [--factors 64] [--regularization 0.01] [--regularization-exponent 0 | --scale-regularization] [--alpha 1]
 *       [--confidence linear|log|binary|bm25] [--eps 1] [--iterations 15] [--solver cg|cholesky] [--cg-steps 3]
 *       [--threads N] [--seed 42]
 * </pre>
 * Prints one JSON object: the model path, its shape, the setting, fit seconds, file bytes and the
 * factors' SHA-256 (the same for any thread count).
 */
public final class TrainCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        String input = args.require("input");
        Path output = Path.of(args.require("output"));
        String format = args.get("format", "auto");
        boolean lenient = args.flag("lenient");
        EvalSupport.AlsOptions als = new EvalSupport.AlsOptions(args);
        args.finish();
        Delimiter delimiter;
        try {
            delimiter = Delimiter.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        InteractionReader reader = InteractionReader.builder().delimiter(delimiter).strict(!lenient).build();
        InteractionMatrix train = EvalSupport.read(reader, input, err).toMatrix();
        EvalSupport.Fitted fitted = EvalSupport.fit(als.setting, als.base, train);
        AlsModelFiles.write(fitted.model(), output);
        err.printf(Locale.ROOT, "trained ALS (factors %d, %d iterations) in %.2f s; wrote %s%n", als.setting.factors(),
                als.setting.iterations(), fitted.fitSeconds(), output);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", output.toString());
        json.put("users", train.rows());
        json.put("items", train.cols());
        json.put("nnz", train.nnz());
        json.putAll(EvalSupport.settingJson(als.setting));
        json.put("fitSeconds", fitted.fitSeconds());
        json.put("bytes", Files.size(output));
        json.put("factorsSha256", fitted.model().factorsSha256());
        out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }
}
