package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * How the builder defaults were chosen: each setting of {@code -Drecsys.grid} is fitted on the training part of
 * the scikit-learn seed-42 split less a validation part ({@code random(train, 0.125, 7)}) and evaluated on that
 * validation part only; the test rows are not touched. Without {@code -Drecsys.grid} it runs the builders' default
 * settings, {@value #DEFAULTS}, and checks on the validation part that every ranking model beats popularity and that
 * explicit ALS predicts ratings well; with it, any grid, e.g.
 * {@code -Drecsys.grid="e,30,15,0.15,2;i,64,15,30,3;b,64,300,0.05,0.01;k,50,10;p"}: e = explicit ALS (rank, iterations,
 * lambda, bias lambda), i = implicit ALS (rank, iterations, lambda, alpha), b = BPR (rank, epochs, learning rate,
 * regularisation), k = item-kNN (neighbours, shrinkage), t = two-tower (dimension, epochs, negatives,
 * learning rate, l2, optionally batch size), g = two-tower with the MovieLens genres as item features (same settings), p = popularity; ranking models take ratings >= 4 as positives.
 */
class MovieLensTuningIT {
    /** The builders' defaults, in grid form. */
    static final String DEFAULTS = "e,30,15,0.15,2;i,64,15,30,3;b,64,300,0.05,0.01;k,100,10;p";

    /** The report's line, its NDCG kept under the model's letter. */
    private static String kept(java.util.Map<String, Double> ndcg, String model, RankingReport r) {
        ndcg.put(model, r.ndcg());
        return r.toString();
    }

    @Test
    void validationGrid() {
        String given = System.getProperty("recsys.grid");
        String grid = given == null || given.isBlank() ? DEFAULTS : given;
        java.util.Map<String, Double> ndcg = new java.util.LinkedHashMap<>();
        double rmse = Double.NaN;
        Interactions all = GroupLensReader.builder(SharedData.file("movielens-small/ratings.csv")).readInteractions(DuplicatePolicy.ERROR);
        InteractionSplit outer = InteractionSplitter.scikitLearn(all, 0.2, 42);
        InteractionSplit s = InteractionSplitter.random(outer.train(), 0.125, 7);
        RankingEvaluator ranking = RankingEvaluator.builder().k(10).relevantAtLeast(4);
        int runs = 0;
        for (String g : grid.split(";")) {
            String[] p = g.trim().split(",");
            long t0 = System.nanoTime();
            String line;
            switch (p[0]) {
                case "e" -> {
                    ExplicitAls m = ExplicitAls.builder().rank(Integer.parseInt(p[1])).iterations(Integer.parseInt(p[2]))
                            .lambda(Double.parseDouble(p[3])).biasLambda(Double.parseDouble(p[4])).fit(s.train());
                    RatingReport r = RatingEvaluator.evaluate(m, s.test(), UnknownPolicy.SKIP);
                    rmse = r.rmse();
                    line = r.toString();
                }
                case "i" -> line = kept(ndcg, p[0], ranking.evaluate(ImplicitAls.builder().rank(Integer.parseInt(p[1])).iterations(Integer.parseInt(p[2]))
                        .lambda(Double.parseDouble(p[3])).alpha(Double.parseDouble(p[4])).positiveThreshold(4).fit(s.train()),
                        s.train(), s.test()));
                case "b" -> line = kept(ndcg, p[0], ranking.evaluate(Bpr.builder().rank(Integer.parseInt(p[1])).epochs(Integer.parseInt(p[2]))
                        .learningRate(Double.parseDouble(p[3])).regularisation(Double.parseDouble(p[4])).positiveThreshold(4)
                        .fit(s.train()), s.train(), s.test()));
                case "k" -> line = kept(ndcg, p[0], ranking.evaluate(ItemKnn.builder().neighbours(Integer.parseInt(p[1]))
                        .shrinkage(Double.parseDouble(p[2])).positiveThreshold(4).fit(s.train()), s.train(), s.test()));
                case "t" -> line = kept(ndcg, p[0], ranking.evaluate(TwoTower.builder().dimension(Integer.parseInt(p[1]))
                        .epochs(Integer.parseInt(p[2])).negatives(Integer.parseInt(p[3])).learningRate(Double.parseDouble(p[4]))
                        .l2(Double.parseDouble(p[5])).batchSize(p.length > 6 ? Integer.parseInt(p[6]) : 1024).positiveThreshold(4)
                        .fit(s.train()), s.train(), s.test()));
                case "g" -> line = kept(ndcg, p[0], ranking.evaluate(TwoTower.builder().dimension(Integer.parseInt(p[1]))
                        .epochs(Integer.parseInt(p[2])).negatives(Integer.parseInt(p[3])).learningRate(Double.parseDouble(p[4]))
                        .l2(Double.parseDouble(p[5])).batchSize(p.length > 6 ? Integer.parseInt(p[6]) : 1024).itemFeatures(MovieLensTwoTowerIT.genres()).positiveThreshold(4).fit(s.train()),
                        s.train(), s.test()));
                case "p" -> line = kept(ndcg, p[0], ranking.evaluate(PopularityRecommender.fit(s.train(), 4), s.train(), s.test()));
                default -> throw new IllegalArgumentException("unknown model letter in grid entry '" + g + "'");
            }
            System.out.printf("%s (%.1f s)%n", line, (System.nanoTime() - t0) / 1e9);
            runs++;
        }
        assertThat(runs).isPositive();
        if (grid.equals(DEFAULTS)) {
            System.out.println("validation NDCG@10 " + ndcg + ", explicit ALS RMSE " + rmse);
            for (String model : java.util.List.of("i", "b", "k")) {
                assertThat(ndcg.get(model)).as("validation NDCG@10 of %s vs popularity", model).isGreaterThan(ndcg.get("p"));
            }
            assertThat(rmse).as("explicit ALS validation RMSE").isLessThan(0.9);
        }
    }
}
