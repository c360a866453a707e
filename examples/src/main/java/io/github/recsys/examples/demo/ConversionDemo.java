package io.github.recsys.examples.demo;

import java.io.PrintStream;

/** The conversion half of the demo: generated sessions, cleaning, logistic regression, old vs new engine. */
public final class ConversionDemo {

    private ConversionDemo() {
    }

    /** Prints the conversion report for {@code rows} generated sessions. */
    public static void run(int rows, long seed, int threads, PrintStream out) {
        out.println("== conversion analytics: (pending) ==");
    }
}
