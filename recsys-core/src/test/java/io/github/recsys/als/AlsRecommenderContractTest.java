package io.github.recsys.als;

import io.github.recsys.api.Recommender;
import io.github.recsys.api.RecommenderContractTest;
import io.github.recsys.data.InteractionMatrix;

class AlsRecommenderContractTest extends RecommenderContractTest {

    static AlsModel checkerboardModel(InteractionMatrix train) {
        AlsConfig config = AlsConfig.builder().factors(4).regularization(0.1).alpha(10).iterations(15)
                .threads(1).seed(1).build();
        return new AlsTrainer(config).fit(train);
    }

    @Override
    protected Recommender create(InteractionMatrix train) {
        return new AlsRecommender(checkerboardModel(train), train, 3);
    }
}
