package io.github.recsys.popularity;

import io.github.recsys.api.Recommender;
import io.github.recsys.api.RecommenderContractTest;
import io.github.recsys.data.InteractionMatrix;

class PopularityContractTest extends RecommenderContractTest {

    @Override
    protected Recommender create(InteractionMatrix train) {
        return PopularityModel.distinctUsers(train);
    }

    @Override
    protected boolean personalized() {
        return false;
    }
}
