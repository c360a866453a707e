package io.github.recsys.io.csv;

import io.github.recsys.data.InteractionLog;

import java.util.List;
import java.util.Objects;

/**
 * What {@link InteractionReader} read: the log and an account of the input. Immutable.
 *
 * @param log          the interactions, one entry per accepted data line, in file order
 * @param source       the input's name (file path as given)
 * @param lines        physical lines read, header and blank lines included
 * @param skippedLines data lines skipped in lenient mode (always 0 in strict mode)
 * @param problems     the first few skipped lines' error messages ({@code FILE:LINE: field N (NAME): ...})
 * @param delimiter    the delimiter used (the detected one when {@link Delimiter#AUTO} was asked for)
 * @param header       whether the first non-blank line was taken as a header
 */
public record ReadResult(InteractionLog log, String source, long lines, long skippedLines, List<String> problems,
                         Delimiter delimiter, boolean header) {

    /** Copies the problem list. */
    public ReadResult {
        Objects.requireNonNull(log, "log");
        problems = List.copyOf(problems);
    }
}
