package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code recommend}: trains ALS on a file (or reads the model {@code train} wrote for it, with
 * {@code --model}) and prints, for each requested user, one JSON line in the
 * service's shape: {@code {"user_id": "12345", "recommended_features": ["...", ...], "source": "als"}}.
 * Users unknown to the file, or with fewer than {@code --fallback-min-interactions} distinct items,
 * get the most popular items they have not seen ({@code "source": "popularity"}); with
 * {@code --blend W} (&lt; 1), personalized users get a blend of normalized ALS and popularity scores
 * ({@code "source": "blend"}). Items are printed as their external ids, best first, the user's
 * training items excluded.
 *
 * <pre>
 * recommend --train FILE --users u1,u2,... [--model MODEL] [--n 10] [--fallback-min-interactions 1] [--blend 1.0]
 *           [--popularity count|users] [--format auto|tsv|csv|dat] [--lenient]
 *           [--factors 64] [--regularization 0.01] [--regularization-exponent 0 | --scale-regularization] [--alpha 1]
 *           [--confidence linear|log|binary|bm25] [--eps 1] [--iterations 15]
 *           [--solver cg|cholesky] [--cg-steps 3] [--threads N] [--seed 42]
 * </pre>
 */
public final class RecommendCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        String usersArg = args.require("users");
        int n = args.getInt("n", 10);
        ServingModel.Options options = new ServingModel.Options(args);
        args.finish();
        if (n < 0) {
            throw new UsageException("--n must be >= 0, was " + n);
        }
        List<String> users = new ArrayList<>();
        for (String u : usersArg.split(",")) {
            if (!u.isBlank()) {
                users.add(u.trim());
            }
        }
        if (users.isEmpty()) {
            throw new UsageException("--users needs at least one user id");
        }
        ServingModel model = ServingModel.build(options, err);
        ObjectMapper json = new ObjectMapper();
        long t0 = System.nanoTime();
        for (String user : users) {
            out.println(json.writeValueAsString(model.answer(user, n, null)));
        }
        err.printf(Locale.ROOT, "answered %d users in %.3f ms%n", users.size(), (System.nanoTime() - t0) / 1e6);
        return 0;
    }
}
