/**
 * Model files: {@link io.github.recsys.io.model.AlsModelFiles} writes and reads trained
 * {@link io.github.recsys.als.AlsModel}s in a versioned, checksummed binary format, so a model can be
 * trained once and served many times; a file that cannot be read raises
 * {@link io.github.recsys.io.model.ModelFileException} naming the file and the problem.
 */
package io.github.recsys.io.model;
