package io.github.recsys.data;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventAggregatorTest {

    private static final EventWeights WEIGHTS = EventWeights.builder().weight("click", 1).weight("use", 3).build();

    @Test
    void sumsWeightedCountsPerUserAndItem() {
        InteractionMatrix m = EventAggregator.withStringIds(WEIGHTS)
                .add("ann", "Bill Pay", "click", 2)
                .add("bob", "PayPal.Me", "use", 1)
                .add("ann", "Bill Pay", "use", 1)
                .add("ann", "One Touch", "click", 1)
                .add("ann", "Bill Pay", "click", 1)
                .build();
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.cols()).isEqualTo(3);
        assertThat(m.nnz()).isEqualTo(3);
        int ann = m.userIndex().indexOf("ann");
        int bob = m.userIndex().indexOf("bob");
        assertThat(m.get(ann, m.itemIndex().indexOf("Bill Pay"))).isEqualTo(2 * 1 + 1 * 3 + 1 * 1f);
        assertThat(m.get(ann, m.itemIndex().indexOf("One Touch"))).isEqualTo(1f);
        assertThat(m.get(bob, m.itemIndex().indexOf("PayPal.Me"))).isEqualTo(3f);
        assertThat(m.get(bob, m.itemIndex().indexOf("Bill Pay"))).isEqualTo(0f);
    }

    @Test
    void numericIdsAndDefaultWeight() {
        EventWeights w = EventWeights.builder().weight("click", 1).defaultWeight(0.5).build();
        InteractionMatrix m = EventAggregator.withLongIds(w).add(10, 7, "click", 1).add(10, 7, "view", 4).build();
        assertThat(m.userIndex().isNumeric()).isTrue();
        assertThat(m.get(m.userIndex().indexOf(10L), m.itemIndex().indexOf(7L))).isEqualTo(3f);
    }

    @Test
    void unknownEventTypeWithoutDefaultIsAClearError() {
        EventAggregator agg = EventAggregator.withStringIds(WEIGHTS);
        assertThatThrownBy(() -> agg.add("ann", "x", "purchase", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown event type 'purchase' (known: click, use); give it a weight or set a default weight");
    }

    @Test
    void rejectsBadCountsAndWeights() {
        EventAggregator agg = EventAggregator.withStringIds(WEIGHTS);
        assertThatThrownBy(() -> agg.add("ann", "x", "click", -1))
                .hasMessage("count -1.0 for user ann, item x, event 'click' must be finite and >= 0");
        assertThatThrownBy(() -> agg.add("ann", "x", "click", Double.NaN)).hasMessageContaining("count NaN");
        assertThatThrownBy(() -> EventWeights.of(Map.of("click", -2)))
                .hasMessage("weight of event type 'click' must be finite and >= 0, was -2.0");
    }
}
