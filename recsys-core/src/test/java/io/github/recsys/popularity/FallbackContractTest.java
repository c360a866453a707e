package io.github.recsys.popularity;

import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsRecommender;
import io.github.recsys.als.AlsTrainer;
import io.github.recsys.api.Recommender;
import io.github.recsys.api.RecommenderContractTest;
import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.Nested;

class FallbackContractTest {

    static AlsRecommender als(InteractionMatrix train) {
        AlsConfig config = AlsConfig.builder().factors(4).regularization(0.1).alpha(10).iterations(15)
                .threads(1).seed(1).build();
        return new AlsRecommender(new AlsTrainer(config).fit(train), train, 2);
    }

    /** Every checkerboard user has 6+ items: all go to ALS. */
    @Nested
    class AlsPath extends RecommenderContractTest {
        @Override
        protected Recommender create(InteractionMatrix train) {
            return FallbackRecommender.builder(als(train), PopularityModel.count(train), train).minInteractions(2).build();
        }
    }

    /** A threshold above every user's history: all go to popularity. */
    @Nested
    class PopularityPath extends RecommenderContractTest {
        @Override
        protected Recommender create(InteractionMatrix train) {
            return FallbackRecommender.builder(als(train), PopularityModel.count(train), train).minInteractions(1000).build();
        }

        @Override
        protected boolean personalized() {
            return false;
        }
    }

    /** Blend of normalized ALS and popularity scores. */
    @Nested
    class BlendPath extends RecommenderContractTest {
        @Override
        protected Recommender create(InteractionMatrix train) {
            return FallbackRecommender.builder(als(train), PopularityModel.count(train), train).blendWeight(0.7).build();
        }
    }
}
