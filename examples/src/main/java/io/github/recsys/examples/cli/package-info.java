/** The CLI sub-commands, one class each, dispatched by {@link io.github.recsys.examples.Main}. */
package io.github.recsys.examples.cli;
