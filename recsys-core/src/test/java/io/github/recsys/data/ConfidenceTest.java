package io.github.recsys.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Weights against values worked out by hand on a 2 x 3 matrix: u0 = {i0: 2, i1: 1}, u1 = {i1: 4}. */
class ConfidenceTest {

    private static final InteractionMatrix M = InteractionMatrix.fromTriples(2, 3,
            new int[] {0, 0, 1}, new int[] {0, 1, 1}, new float[] {2, 1, 4}, 3,
            IdIndex.ofStrings("ann", "bob"), IdIndex.ofStrings("x", "y", "z"));

    @Test
    void linearKeepsValuesAndIds() {
        InteractionMatrix r = Confidence.linear().apply(M);
        assertThat(r.get(0, 0)).isEqualTo(2f);
        assertThat(r.get(1, 1)).isEqualTo(4f);
        assertThat(r.userIndex()).isEqualTo(M.userIndex());
        assertThat(r.itemIndex()).isEqualTo(M.itemIndex());
    }

    @Test
    void logIsLn1PlusValueOverEps() {
        InteractionMatrix r = Confidence.log(0.5).apply(M);
        assertThat((double) r.get(0, 0)).isCloseTo(Math.log(5), within(1e-6));   // ln(1 + 2/0.5)
        assertThat((double) r.get(0, 1)).isCloseTo(Math.log(3), within(1e-6));   // ln(1 + 1/0.5)
        assertThat((double) r.get(1, 1)).isCloseTo(Math.log(9), within(1e-6));   // ln(1 + 4/0.5)
        assertThat(r.transpose().get(1, 1)).isEqualTo(r.get(1, 1));
        assertThatThrownBy(() -> Confidence.log(0)).hasMessage("eps must be finite and > 0, was 0.0");
    }

    @Test
    void binaryIsOne() {
        InteractionMatrix r = Confidence.binary().apply(M);
        assertThat(r.get(0, 0)).isEqualTo(1f);
        assertThat(r.get(1, 1)).isEqualTo(1f);
        assertThat(r.nnz()).isEqualTo(3);
    }

    @Test
    void bm25MatchesHandComputation() {
        // I = 3 items; n_u0 = 2, n_u1 = 1; item sums L = (2, 5, 0); avgL over non-empty items = 3.5.
        double idf0 = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));   // ln(1.6)
        double idf1 = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));   // ln(8/3)
        double k1 = 1.2;
        double b = 0.75;
        double norm0 = k1 * (1 - b + b * 2 / 3.5);
        double norm1 = k1 * (1 - b + b * 5 / 3.5);
        InteractionMatrix r = Confidence.bm25(k1, b).apply(M);
        assertThat((double) r.get(0, 0)).isCloseTo(idf0 * 2 * (k1 + 1) / (2 + norm0), within(1e-6));
        assertThat((double) r.get(0, 1)).isCloseTo(idf0 * 1 * (k1 + 1) / (1 + norm1), within(1e-6));
        assertThat((double) r.get(1, 1)).isCloseTo(idf1 * 4 * (k1 + 1) / (4 + norm1), within(1e-6));
        // the same expressions evaluated by hand (calculator)
        assertThat((double) r.get(0, 0)).isCloseTo(0.734828, within(1e-5));
        assertThat((double) r.get(1, 1)).isCloseTo(1.545245, within(1e-5));
        assertThatThrownBy(() -> Confidence.bm25(1, 1.5)).hasMessage("B must be in [0, 1], was 1.5");
    }

    @Test
    void tfIdfMatchesHandComputation() {
        InteractionMatrix r = Confidence.tfIdf().apply(M);
        assertThat((double) r.get(0, 0)).isCloseTo(Math.sqrt(2) * Math.log(1 + 3.0 / 2), within(1e-6));
        assertThat((double) r.get(0, 1)).isCloseTo(1 * Math.log(1 + 3.0 / 2), within(1e-6));
        assertThat((double) r.get(1, 1)).isCloseTo(2 * Math.log(1 + 3.0 / 1), within(1e-6));
    }

    @Test
    void parseAcceptsCommandLineNames() {
        assertThat(Confidence.parse("log:2").name()).isEqualTo("log(eps=2.0)");
        assertThat(Confidence.parse("BM25").name()).isEqualTo("bm25(K1=100.0, B=0.8)");
        assertThat(Confidence.parse("bm25:1.2:0.75").name()).isEqualTo("bm25(K1=1.2, B=0.75)");
        assertThat(Confidence.parse("tfidf").name()).isEqualTo("tfidf");
        assertThatThrownBy(() -> Confidence.parse("cubic")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown confidence 'cubic'");
    }
}
