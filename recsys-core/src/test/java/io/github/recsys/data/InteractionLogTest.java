package io.github.recsys.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionLogTest {

    @Test
    void toMatrixSumsDuplicatesAndKeepsIds() {
        IdIndex users = IdIndex.ofStrings("a", "b");
        IdIndex items = IdIndex.ofLongs(10, 20, 30);
        InteractionLog log = InteractionLog.of(new int[] {0, 1, 0, 0}, new int[] {2, 0, 2, 1}, new float[] {1, 2, 3, 4},
                new long[] {5, 6, 7, 8}, 4, users, items);
        InteractionMatrix m = log.toMatrix();
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.cols()).isEqualTo(3);
        assertThat(m.nnz()).isEqualTo(3);
        assertThat(m.get(0, 2)).isEqualTo(4f);
        assertThat(m.get(0, 1)).isEqualTo(4f);
        assertThat(m.get(1, 0)).isEqualTo(2f);
        assertThat(m.userIndex()).isSameAs(users);
        assertThat(m.itemIndex().idAt(2)).isEqualTo("30");
    }

    @Test
    void selectKeepsOrderAndSharesIndexes() {
        InteractionLog log = InteractionLog.of(2, 3, new int[] {0, 1, 1}, new int[] {0, 1, 2}, new float[] {1, 2, 3},
                new long[] {100, 200, 300});
        InteractionLog sub = log.select(new int[] {2, 0});
        assertThat(sub.size()).isEqualTo(2);
        assertThat(sub.items()).containsExactly(2, 0);
        assertThat(sub.timestamps()).containsExactly(300, 100);
        assertThat(sub.userIndex()).isSameAs(log.userIndex());
        assertThat(log.withConstantValue(1f).values()).containsExactly(1f, 1f, 1f);
        assertThat(log.values()).containsExactly(1f, 2f, 3f);
    }

    @Test
    void copiesInputAndRejectsBadEntries() {
        int[] u = {0};
        InteractionLog log = InteractionLog.of(1, 1, u, new int[] {0}, new float[] {1}, null);
        u[0] = 5;
        assertThat(log.user(0)).isZero();
        assertThat(log.hasTimestamps()).isFalse();
        assertThatThrownBy(() -> log.timestamp(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> InteractionLog.of(1, 1, new int[] {1}, new int[] {0}, new float[] {1}, null))
                .hasMessageContaining("entry 0: user index 1 out of range [0, 1)");
        assertThatThrownBy(() -> InteractionLog.of(1, 1, new int[] {0}, new int[] {0}, new float[] {Float.NaN}, null))
                .hasMessageContaining("value must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> InteractionLog.of(1, 1, new int[] {0}, new int[] {0}, new float[] {-1}, null))
                .hasMessageContaining("was -1.0");
    }
}
