package io.github.recsys.conversion.abtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProportionTest {

    @Test
    void wilsonMatchesNewcombeTable() {
        // Newcombe (1998), Stat. Med. 17:857-872, Table I, method 3 (Wilson score), 4 decimals
        assertInterval(Proportion.wilson(81, 263), 0.2553, 0.3662, 5e-5);
        assertInterval(Proportion.wilson(15, 148), 0.0624, 0.1605, 5e-5);
        assertInterval(Proportion.wilson(0, 20), 0.0, 0.1611, 5e-5);
        assertInterval(Proportion.wilson(1, 29), 0.0061, 0.1718, 5e-5);
    }

    @Test
    void wilsonMatchesClosedFormAtOtherLevels() {
        // closed form evaluated independently with scipy.stats.norm.ppf
        assertInterval(Proportion.wilson(8, 10), 0.4901624715366418, 0.9433178485456248, 1e-12);
        assertInterval(Proportion.wilson(5, 50, 0.9), 0.04952903447744518, 0.19153751415157094, 1e-12);
        assertInterval(Proportion.wilson(999, 1000, 0.99), 0.9915394337800183, 0.9998825836463816, 1e-12);
    }

    @Test
    void edgeCases() {
        Proportion none = Proportion.wilson(0, 0);
        assertThat(none.rate()).isNaN();
        assertThat(none.lower()).isEqualTo(0.0);
        assertThat(none.upper()).isEqualTo(1.0);
        Proportion all = Proportion.wilson(7, 7);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isBetween(0.5, 1.0);
        assertThat(all.failures()).isZero();
        Proportion big = Proportion.wilson(120_000, 1_000_000);
        assertThat(big.rate()).isEqualTo(0.12);
        assertThat(big.lower()).isLessThan(0.12);
        assertThat(big.upper()).isGreaterThan(0.12);
        assertThat(big.width()).isLessThan(0.002);
    }

    @Test
    void rejectsBadCounts() {
        assertThatThrownBy(() -> Proportion.wilson(5, 4)).hasMessageContaining("successes must be in [0, trials=4], was 5");
        assertThatThrownBy(() -> Proportion.wilson(0, -1)).hasMessageContaining("trials must be >= 0, was -1");
        assertThatThrownBy(() -> Proportion.wilson(1, 2, 1.0)).hasMessageContaining("confidence must be in (0, 1), was 1.0");
    }

    @Test
    void normalQuantileAndCdfMatchReferenceValues() {
        // reference values from scipy.stats.norm
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-13));
        assertThat(StandardNormal.quantile(0.995)).isCloseTo(2.5758293035489004, within(1e-13));
        assertThat(StandardNormal.quantile(0.9)).isCloseTo(1.2815515655446004, within(1e-13));
        assertThat(StandardNormal.quantile(0.3)).isCloseTo(-0.5244005127080409, within(1e-13));
        assertThat(StandardNormal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-11));
        assertThat(StandardNormal.quantile(1e-12)).isCloseTo(-7.034483825301131, within(1e-11));
        assertThat(StandardNormal.cdf(1.5)).isCloseTo(0.9331927987311419, within(1e-15));
        assertThat(StandardNormal.cdf(-6)).isCloseTo(9.865876450376946e-10, within(1e-22));
        assertThat(StandardNormal.cdf(-37) / 5.7255712225239266e-300).isCloseTo(1.0, within(1e-12));
        assertThat(StandardNormal.cdf(0)).isEqualTo(0.5);
        for (double p = 0.001; p < 1; p += 0.0137) {
            assertThat(StandardNormal.cdf(StandardNormal.quantile(p))).isCloseTo(p, within(1e-14));
        }
    }

    private static void assertInterval(Proportion p, double lo, double hi, double tol) {
        assertThat(p.lower()).isCloseTo(lo, within(tol));
        assertThat(p.upper()).isCloseTo(hi, within(tol));
    }
}
