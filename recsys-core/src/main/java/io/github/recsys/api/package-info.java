/** Small interfaces and value types shared by every recommender: {@link io.github.recsys.api.Recommender}, {@link io.github.recsys.api.RecommendationList}, {@link io.github.recsys.api.ItemFilter}. */
package io.github.recsys.api;
