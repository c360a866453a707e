/** Session tables, preprocessing pipelines and the {@link io.github.recsys.conversion.data.FeatureMatrix} that models train on. */
package io.github.recsys.conversion.data;
