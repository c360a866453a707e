package io.github.recsys.conversion.metrics;

/**
 * A chosen decision threshold: rows with score {@code >= threshold} are predicted positive.
 *
 * @param threshold the threshold ({@code +Infinity} = predict nothing positive)
 * @param value     the optimized quantity at this threshold (F1, or total cost)
 * @param confusion the confusion matrix at this threshold
 */
public record ThresholdChoice(double threshold, double value, ConfusionMatrix confusion) {
}
