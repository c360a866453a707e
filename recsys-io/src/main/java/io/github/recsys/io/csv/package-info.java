/**
 * Streaming readers for delimited text: {@link io.github.recsys.io.csv.InteractionReader} turns
 * interaction logs (tab, comma, whitespace or {@code ::} delimited; optional header; gzip) into an
 * {@link io.github.recsys.data.InteractionLog}, with errors that name file, line and field
 * ({@link io.github.recsys.io.csv.InteractionFormatException}).
 */
package io.github.recsys.io.csv;
