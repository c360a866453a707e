/**
 * Streaming readers for delimited text: {@link io.github.recsys.io.csv.InteractionReader} turns
 * interaction logs (tab, comma, whitespace or {@code ::} delimited; optional header; gzip) into an
 * {@link io.github.recsys.data.InteractionLog}, with errors that name file, line and field
 * ({@link io.github.recsys.io.csv.InteractionFormatException}).
 * {@link io.github.recsys.io.csv.TableCsvReader} and {@link io.github.recsys.io.csv.TableCsvWriter}
 * read and write typed session tables ({@link io.github.recsys.conversion.data.Table}) as RFC 4180
 * CSV through Jackson, with errors naming file, line and column
 * ({@link io.github.recsys.io.csv.CsvTableException}).
 */
package io.github.recsys.io.csv;
