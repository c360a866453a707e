package io.github.recsys.examples.cli;

import java.io.PrintStream;

/** One CLI sub-command. Implementations have a public no-argument constructor. */
public interface Command {

    /**
     * Runs the command.
     *
     * @param args arguments after the command name
     * @param out  standard output: machine-readable results only (JSON or the requested table)
     * @param err  standard error: progress and error messages
     * @return the process exit status (0 = success)
     * @throws Exception any failure; {@link io.github.recsys.examples.Main} prints its message to
     *                   {@code err} and exits with status 1 ({@link UsageException}: status 2)
     */
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
