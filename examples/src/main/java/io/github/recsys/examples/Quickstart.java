package io.github.recsys.examples;

import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsRecommender;
import io.github.recsys.als.AlsTrainer;
import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.Confidence;
import io.github.recsys.data.EventAggregator;
import io.github.recsys.data.EventWeights;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.popularity.FallbackRecommender;
import io.github.recsys.popularity.PopularityModel;

/** The README's quickstart, kept compiling: events in, top-N out, popularity for unknown users. */
public final class Quickstart {

    private Quickstart() {
    }

    /** Runs the quickstart on a tiny hand-written event log. */
    public static void main(String[] args) {
        EventAggregator events = EventAggregator.withStringIds(
                EventWeights.builder().weight("click", 1).weight("use", 3).build());
        events.add("alice", "Bill Pay", "use", 4).add("alice", "One Touch", "click", 2)
              .add("bob", "PayPal.Me", "use", 1).add("bob", "Bill Pay", "click", 3)
              .add("carol", "One Touch", "use", 2).add("carol", "PayPal.Me", "click", 1);
        InteractionMatrix train = Confidence.log(1.0).apply(events.build());
        AlsModel model = new AlsTrainer(AlsConfig.builder().factors(2).regularization(0.1).alpha(2).seed(7).build()).fit(train);
        FallbackRecommender service = FallbackRecommender.builder(new AlsRecommender(model, train),
                PopularityModel.distinctUsers(train), train).minInteractions(1).build();
        RecommendationList top = service.recommend("alice", 2, ItemFilter.DEFAULT);   // excludes alice's items
        RecommendationList cold = service.recommend("dave", 2, ItemFilter.DEFAULT);   // unknown -> popularity
        System.out.println(top.source() + " " + train.itemIndex().idAt(top.item(0)) + "; " + cold.source());
    }
}
