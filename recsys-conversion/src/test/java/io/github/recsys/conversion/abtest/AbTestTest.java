package io.github.recsys.conversion.abtest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AbTestTest {

    @Test
    void twoProportionTestMatchesHandComputation() {
        // 200/2000 vs 250/2000; references computed by hand with Python's math.erfc
        AbTestResult r = AbTest.compare(200, 2000, 250, 2000);
        assertThat(r.zStatistic()).isCloseTo(2.501955416802671, within(1e-12));
        assertThat(r.zPValue()).isCloseTo(0.012350947711191435, within(1e-13));
        assertThat(r.chiSquare()).isCloseTo(r.zStatistic() * r.zStatistic(), within(1e-10));
        assertThat(r.chiSquarePValue()).isCloseTo(r.zPValue(), within(1e-12));
        assertThat(r.yatesChiSquare()).isCloseTo(6.01189358372457, within(1e-10));
        assertThat(r.yatesPValue()).isCloseTo(0.014209770733923065, within(1e-12));
        assertThat(r.absoluteLift()).isCloseTo(0.025, within(1e-15));
        double se = Math.sqrt(0.1 * 0.9 / 2000 + 0.125 * 0.875 / 2000);
        assertThat(r.absoluteLower()).isCloseTo(0.025 - 1.959963984540054 * se, within(1e-12));
        assertThat(r.relativeLift()).isCloseTo(0.25, within(1e-12));
        double seLog = Math.sqrt(0.9 / (2000 * 0.1) + 0.875 / (2000 * 0.125));
        assertThat(r.relativeUpper()).isCloseTo(Math.exp(Math.log(1.25) + 1.959963984540054 * seLog) - 1, within(1e-12));
        assertThat(r.relativeLower()).isLessThan(r.relativeLift()).isGreaterThan(0);
        assertThat(r.significant(0.05)).isTrue();
        assertThat(r.control().lower()).isLessThan(0.1);
        assertThat(r.sampleRatio().mismatch()).isFalse();
    }

    @Test
    void sampleRatioMismatch() {
        SampleRatioCheck ok = SampleRatioCheck.of(5050, 4950, 0.5, 0.001);
        assertThat(ok.chiSquare()).isCloseTo(1.0, within(1e-12));
        assertThat(ok.pValue()).isCloseTo(0.31731050786291404, within(1e-12));
        assertThat(ok.mismatch()).isFalse();
        SampleRatioCheck bad = SampleRatioCheck.of(5300, 4700, 0.5, 0.001);
        assertThat(bad.mismatch()).isTrue();
        // a planned 80/20 split is respected
        assertThat(SampleRatioCheck.of(8000, 2000, 0.2, 0.001).chiSquare()).isCloseTo(0, within(1e-12));
    }

    @Test
    void cmhWithOneStratumIsPearsonTimesNMinusOneOverN() {
        StratifiedAbTestResult r = StratifiedAbTest.compare(new String[] {"all"}, new long[] {200}, new long[] {2000},
                new long[] {250}, new long[] {2000}, 0.95, 0.5);
        double n = 4000;
        assertThat(r.cmhChiSquare()).isCloseTo(r.overall().chiSquare() * (n - 1) / n, within(1e-10));
        double a = 250;
        double b = 1750;
        double c = 200;
        double d = 1800;
        assertThat(r.mhOddsRatio()).isCloseTo(a * d / (b * c), within(1e-12));
        // with one stratum the RBG variance is Woolf's 1/a + 1/b + 1/c + 1/d
        double woolf = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
        assertThat(r.mhOddsLower()).isCloseTo(a * d / (b * c) * Math.exp(-1.959963984540054 * woolf), within(1e-10));
    }

    @Test
    void stratificationRemovesSimpsonsParadox() {
        // within each device the treatment has the same rate as control, but treatment got more desktop traffic
        String[] strata = {"desktop", "mobile"};
        long[] cConv = {100, 90};
        long[] cN = {1000, 3000};
        long[] tConv = {300, 30};
        long[] tN = {3000, 1000};
        StratifiedAbTestResult r = StratifiedAbTest.compare(strata, cConv, cN, tConv, tN, 0.95, 0.5);
        assertThat(r.overall().zPValue()).isLessThan(1e-6); // crude comparison: "significant"
        assertThat(r.cmhChiSquare()).isCloseTo(0, within(1e-12));
        assertThat(r.cmhPValue()).isCloseTo(1, within(1e-12));
        assertThat(r.mhOddsRatio()).isCloseTo(1, within(1e-12));
        assertThat(r.strata()).hasSize(2);
        assertThat(r.strata().get(0).result().absoluteLift()).isCloseTo(0, within(1e-15));
        assertThat(r.strata().get(0).result().sampleRatio().mismatch()).isTrue();
    }

    @Test
    void sampleSizeAndPower() {
        // hand computation: pbar = .11, (1.959964 * sqrt(2*.11*.89) + 0.841621 * sqrt(.09 + .1056))^2 / .02^2 = 3840.9
        assertThat(PowerAnalysis.sampleSizePerArm(0.10, 0.12, 0.05, 0.8)).isEqualTo(3841);
        assertThat(PowerAnalysis.sampleSizeForRelativeLift(0.10, 0.20, 0.05, 0.8)).isEqualTo(3841);
        assertThat(PowerAnalysis.power(0.10, 0.12, 3841, 0.05)).isCloseTo(0.8, within(1e-4));
        assertThat(PowerAnalysis.power(0.10, 0.12, 10000, 0.05)).isGreaterThan(0.99);
        assertThatThrownBy(() -> PowerAnalysis.sampleSizePerArm(0.1, 0.1, 0.05, 0.8)).hasMessageContaining("must differ");
    }

    @Test
    void monteCarloAgreesWithTheory() {
        SimulationResult power = AbTestSimulation.run(0.10, 0.12, 3841, 0.05, 400, 1);
        // the Wilson interval of the simulated rejection rate covers the analytic power 0.8
        assertThat(power.rejectionRate().lower()).isLessThan(0.8);
        assertThat(power.rejectionRate().upper()).isGreaterThan(0.8);
        SimulationResult fpr = AbTestSimulation.run(0.10, 0.10, 2000, 0.05, 400, 2);
        assertThat(fpr.rejectionRate().lower()).isLessThan(0.05);
        assertThat(fpr.rejectionRate().upper()).isGreaterThan(0.05);
        assertThat(AbTestSimulation.run(0.10, 0.12, 500, 0.05, 50, 7)).isEqualTo(AbTestSimulation.run(0.10, 0.12, 500, 0.05, 50, 7));
    }

    @Test
    void funnel() {
        List<FunnelStep> f = Funnel.of(new String[] {"visit", "view", "cart", "buy"}, new long[] {1000, 400, 100, 30});
        assertThat(f.get(2).stepRate().rate()).isCloseTo(0.25, within(1e-15));
        assertThat(f.get(3).overallRate().rate()).isCloseTo(0.03, within(1e-15));
        assertThat(f.get(3).stepRate().rate()).isCloseTo(0.3, within(1e-15));
        assertThat(f.get(1).dropOff()).isEqualTo(600);
        List<FunnelStep> g = Funnel.fromDeepestStage(new String[] {"a", "b"}, new int[] {0, 1, 1, -1});
        assertThat(g.get(0).count()).isEqualTo(3);
        assertThat(g.get(1).count()).isEqualTo(2);
        assertThatThrownBy(() -> Funnel.of(new String[] {"a", "b"}, new long[] {5, 6})).hasMessageContaining("must not increase");
    }
}
