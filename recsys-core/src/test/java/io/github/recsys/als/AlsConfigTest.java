package io.github.recsys.als;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlsConfigTest {

    @Test
    void defaultsAreDocumentedValues() {
        AlsConfig c = AlsConfig.builder().build();
        assertThat(c.factors()).isEqualTo(64);
        assertThat(c.cgSteps()).isEqualTo(3);
        assertThat(c.solver()).isEqualTo(AlsSolver.CG);
        assertThat(c.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.regularization()).isEqualTo(AlsConfig.DEFAULT_REGULARIZATION);
        assertThat(c.alpha()).isEqualTo(AlsConfig.DEFAULT_ALPHA);
        assertThat(c.iterations()).isEqualTo(AlsConfig.DEFAULT_ITERATIONS);
        assertThat(c.regularizationExponent()).isZero();
        assertThat(c.computeLoss()).isFalse();
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void rowRegularizationIsLambdaTimesEntriesToTheExponent() {
        AlsConfig constant = AlsConfig.builder().regularization(0.3).build();
        assertThat(constant.rowRegularization(0)).isEqualTo(0.3);
        assertThat(constant.rowRegularization(17)).isEqualTo(0.3);
        AlsConfig wr = AlsConfig.builder().regularization(0.3).scaleRegularization(true).build();
        assertThat(wr.regularizationExponent()).isEqualTo(1.0);
        assertThat(wr.rowRegularization(0)).isZero();
        assertThat(wr.rowRegularization(17)).isEqualTo(0.3 * 17);
        AlsConfig half = AlsConfig.builder().regularization(2).regularizationExponent(0.5).build();
        assertThat(half.rowRegularization(16)).isEqualTo(8.0);
        assertThat(half.rowRegularization(0)).isZero();
        assertThat(AlsConfig.builder().scaleRegularization(false).build().regularizationExponent()).isZero();
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> AlsConfig.builder().factors(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("factors must be > 0, was 0");
        assertThatThrownBy(() -> AlsConfig.builder().regularization(-1).build())
                .hasMessage("regularization must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> AlsConfig.builder().regularization(Double.NaN).build())
                .hasMessage("regularization must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> AlsConfig.builder().alpha(Double.POSITIVE_INFINITY).build())
                .hasMessage("alpha must be finite and >= 0, was Infinity");
        assertThatThrownBy(() -> AlsConfig.builder().iterations(-2).build())
                .hasMessage("iterations must be >= 0, was -2");
        assertThatThrownBy(() -> AlsConfig.builder().cgSteps(0).build())
                .hasMessage("cgSteps must be > 0, was 0");
        assertThatThrownBy(() -> AlsConfig.builder().cgTolerance(-1e-3).build())
                .hasMessage("cgTolerance must be finite and >= 0, was -0.001");
        assertThatThrownBy(() -> AlsConfig.builder().threads(0).build())
                .hasMessage("threads must be > 0, was 0");
        assertThatThrownBy(() -> AlsConfig.builder().regularizationExponent(-0.5).build())
                .hasMessage("regularizationExponent must be in [0, 2], was -0.5");
        assertThatThrownBy(() -> AlsConfig.builder().regularizationExponent(Double.NaN).build())
                .hasMessage("regularizationExponent must be in [0, 2], was NaN");
        assertThatThrownBy(() -> AlsConfig.builder().solver(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("solver");
    }
}
