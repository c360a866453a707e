/** Runnable examples and the recsys command-line tool ({@link io.github.recsys.examples.Main}); public API only. */
package io.github.recsys.examples;
