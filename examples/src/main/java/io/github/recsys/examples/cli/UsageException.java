package io.github.recsys.examples.cli;

/** Bad command-line arguments: the CLI prints the message and exits with status 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A usage error with a message saying what was wrong and what was expected. */
    public UsageException(String message) {
        super(message);
    }
}
