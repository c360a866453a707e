package io.github.recsys.eval;

import io.github.recsys.data.InteractionLog;

import java.util.Objects;

/**
 * A train / test pair of interaction logs sharing the same id indexes (a dense user or item index
 * means the same thing in both). Produced by {@link Splits}. Immutable.
 *
 * @param train entries for fitting
 * @param test  held-out entries for scoring
 */
public record Split(InteractionLog train, InteractionLog test) {

    /** Validates that both logs are present and share their id indexes. */
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (!train.userIndex().equals(test.userIndex()) || !train.itemIndex().equals(test.itemIndex())) {
            throw new IllegalArgumentException("train and test must share their user and item id indexes");
        }
    }
}
