package io.github.recsys.conversion.abtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DistributionsTest {

    @Test
    void textbookValues() {
        assertThat(StandardNormal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-14));
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(StandardNormal.quantile(0.8)).isCloseTo(0.8416212335729143, within(1e-12));
        assertThat(Distributions.erf(1)).isCloseTo(0.8427007929497149, within(1e-14));
        assertThat(Distributions.erfc(3)).isCloseTo(2.2090496998585438e-05, within(1e-18));
        assertThat(Distributions.erf(-0.5)).isCloseTo(-Distributions.erf(0.5), within(1e-16));
        // chi-square critical values at 5%
        assertThat(Distributions.chiSquareSurvival(3.841458820694124, 1)).isCloseTo(0.05, within(1e-12));
        assertThat(Distributions.chiSquareSurvival(5.991464547107979, 2)).isCloseTo(0.05, within(1e-12));
        assertThat(Distributions.chiSquareSurvival(7.814727903251178, 3)).isCloseTo(0.05, within(1e-12));
        assertThat(Distributions.chiSquareSurvival(18.307038053275146, 10)).isCloseTo(0.05, within(1e-12));
        assertThat(Distributions.logGamma(10)).isCloseTo(Math.log(362880), within(1e-12));
        assertThat(Distributions.logGamma(0.3)).isCloseTo(Math.log(2.991568987687590), within(1e-12));
    }

    @Test
    void chiSquareClosedForms() {
        for (double x = 0.01; x < 80; x *= 1.3) {
            // df = 1: P(X >= x) = erfc(sqrt(x/2)); df = 2: exp(-x/2); df = 4: exp(-x/2)(1 + x/2)
            double tail2 = Math.exp(-x / 2);
            assertThat(Distributions.chiSquareSurvival(x, 2)).isCloseTo(tail2, within(1e-11 * tail2));
            double tail4 = Math.exp(-x / 2) * (1 + x / 2);
            assertThat(Distributions.chiSquareSurvival(x, 4)).isCloseTo(tail4, within(1e-11 * tail4));
            assertThat(Distributions.chiSquareCdf(x, 3) + Distributions.chiSquareSurvival(x, 3)).isCloseTo(1, within(1e-14));
            // chi-square(1) tail equals the two-sided normal tail at sqrt(x)
            double z = Math.sqrt(x);
            double two = 2 * StandardNormal.survival(z);
            assertThat(Distributions.chiSquareSurvival(x, 1)).isCloseTo(two, within(Math.max(2e-15, 1e-9 * two)));
        }
    }

    @Test
    void erfcAndStandardNormalAgree() {
        // two independent implementations: incomplete gamma vs Taylor series / Mills ratio
        for (double z = -8; z <= 8; z += 0.137) {
            double viaErfc = 0.5 * Distributions.erfc(-z / Math.sqrt(2));
            double cdf = StandardNormal.cdf(z);
            // StandardNormal's series is accurate to ~1e-16 absolute (not relative) below z = -3
            assertThat(viaErfc).as("z=%s", z).isCloseTo(cdf, within(Math.max(1e-15, 1e-9 * cdf)));
            double q = StandardNormal.quantile(cdf);
            if (z <= 0) { // p near 1 cannot carry the digits needed to invert it
                assertThat(q).as("quantile at z=%s", z).isCloseTo(z, within(1e-9));
            }
        }
        assertThatThrownBy(() -> Distributions.regularizedGammaP(-1, 1)).hasMessageContaining("a > 0, was -1.0");
    }
}
