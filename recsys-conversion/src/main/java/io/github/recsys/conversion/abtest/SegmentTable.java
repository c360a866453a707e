package io.github.recsys.conversion.abtest;

import java.util.List;
import java.util.Locale;

/**
 * Conversion rate by segment: one {@link SegmentRow} per combination of the grouping columns' values
 * that occurs in the data, in level order (missing last), plus the overall rate. Immutable value.
 *
 * @param target              the conversion column
 * @param by                  the grouping columns (one or two)
 * @param rows                segments with at least one session
 * @param overall             conversion over all sessions with a known target
 * @param skippedMissingTarget sessions left out because the target was missing
 */
public record SegmentTable(String target, List<String> by, List<SegmentRow> rows, Proportion overall, long skippedMissingTarget) {

    /** Copies the lists. */
    public SegmentTable {
        by = List.copyOf(by);
        rows = List.copyOf(rows);
    }

    /** A fixed-width text table: grouping columns, sessions, conversions, rate and interval (in %). */
    public String toText() {
        int[] w = new int[by.size()];
        for (int j = 0; j < by.size(); j++) {
            w[j] = Math.max(by.get(j).length(), 7);
            for (SegmentRow r : rows) {
                w[j] = Math.max(w[j], r.key().get(j).length());
            }
        }
        int pct = (int) Math.round(overall.confidence() * 100);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < by.size(); j++) {
            sb.append(String.format(Locale.ROOT, "%-" + w[j] + "s  ", by.get(j)));
        }
        sb.append(String.format(Locale.ROOT, "%10s %11s %8s  %s%n", "sessions", "conversions", "rate", pct + "% CI"));
        for (SegmentRow r : rows) {
            for (int j = 0; j < by.size(); j++) {
                sb.append(String.format(Locale.ROOT, "%-" + w[j] + "s  ", r.key().get(j)));
            }
            appendProportion(sb, r.conversion());
        }
        int total = 0;
        for (int j = 0; j < by.size(); j++) {
            total += w[j] + 2;
        }
        sb.append(String.format(Locale.ROOT, "%-" + total + "s", "(all)"));
        appendProportion(sb, overall);
        if (skippedMissingTarget > 0) {
            sb.append(String.format(Locale.ROOT, "(%d sessions without a value of '%s' left out)%n", skippedMissingTarget, target));
        }
        return sb.toString();
    }

    private static void appendProportion(StringBuilder sb, Proportion p) {
        sb.append(String.format(Locale.ROOT, "%10d %11d %7.2f%%  [%.2f%%, %.2f%%]%n", p.trials(), p.successes(),
                100 * p.rate(), 100 * p.lower(), 100 * p.upper()));
    }

    @Override
    public String toString() {
        return toText();
    }
}
