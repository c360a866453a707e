package io.github.recsys.als;

import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On ml-100k (every rating as 1), folding a training user's own items into the trained model gives
 * the same top-10 as the model's own user vector for at least 95% of users. Training ends each
 * iteration with the user half-sweep, so with the Cholesky solver the trained user vectors are the
 * exact solutions that fold-in recomputes. Skips when the shared datasets are absent.
 */
class FoldInMovieLensTest {

    static Path dataset(String relative) {
        String prop = System.getProperty("recsys.datasets");
        for (String base : new String[] {prop, "../../shared/datasets", "../shared/datasets"}) {
            if (base != null) {
                Path p = Path.of(base, relative);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Reads u.data (user TAB item TAB rating TAB time) with every rating as 1. */
    static InteractionMatrix readMovieLens(Path file) throws IOException {
        IdIndex.Builder users = IdIndex.longBuilder();
        IdIndex.Builder items = IdIndex.longBuilder();
        int[] us = new int[100_000];
        int[] is = new int[100_000];
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (n == us.length) {
                    us = Arrays.copyOf(us, n * 2);
                    is = Arrays.copyOf(is, n * 2);
                }
                us[n] = users.add(Long.parseLong(f[0]));
                is[n] = items.add(Long.parseLong(f[1]));
                n++;
            }
        }
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        IdIndex u = users.build();
        IdIndex i = items.build();
        return InteractionMatrix.fromTriples(u.size(), i.size(), us, is, ones, n, u, i);
    }

    /** The constant-lambda case, and the frequency-scaled penalty of the tuned ml-100k setting (lambda 2, nu 0.5). */
    @ParameterizedTest(name = "lambda={0} nu={1} alpha={2}")
    @CsvSource({"0.1, 0, 5", "2, 0.5, 1"})
    void foldInReproducesTheTrainedTop10(double lambda, double nu, double alpha) throws IOException {
        Path file = dataset("ml-100k/u.data");
        Assumptions.assumeTrue(file != null, "ml-100k not found under recsys.datasets or ../shared/datasets; skipping");
        InteractionMatrix train = readMovieLens(file);
        AlsConfig cfg = AlsConfig.builder().factors(32).regularization(lambda).regularizationExponent(nu).alpha(alpha)
                .iterations(8).solver(AlsSolver.CHOLESKY).threads(2).seed(42).build();
        AlsModel model = new AlsTrainer(cfg).fit(train);
        AlsRecommender rec = new AlsRecommender(model, train, 2);
        int same = 0;
        double worst = 0;
        for (int u = 0; u < train.rows(); u++) {
            RecommendationList trained = rec.recommend(u, 10, null);
            RecommendationList folded = rec.recommendFor(train.rowItems(u), null, 10, null);
            if (Arrays.equals(trained.items(), folded.items())) {
                same++;
            }
            float[] f = rec.foldIn(train.rowItems(u), null);
            float[] xu = model.userVector(u);
            double d = 0;
            double n = 0;
            for (int p = 0; p < xu.length; p++) {
                d += (f[p] - xu[p]) * (double) (f[p] - xu[p]);
                n += (double) xu[p] * xu[p];
            }
            worst = Math.max(worst, Math.sqrt(d / Math.max(n, 1e-30)));
        }
        assertThat(worst).as("largest relative error of a folded-in user vector").isLessThan(1e-3);
        double share = same / (double) train.rows();
        assertThat(share).as("share of users whose top-10 is reproduced by fold-in (%d of %d)", same, train.rows())
                .isGreaterThanOrEqualTo(0.95);
    }
}
