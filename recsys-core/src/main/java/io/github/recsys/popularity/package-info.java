/**
 * Non-personalized recommendation and cold start: {@link io.github.recsys.popularity.PopularityModel}
 * (items ranked by interaction count, distinct users, or time-decayed popularity) and
 * {@link io.github.recsys.popularity.FallbackRecommender} (a personalized recommender for users with
 * enough history, popularity for unknown or thin users, optionally a blend of the two).
 */
package io.github.recsys.popularity;
