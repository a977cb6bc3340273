package ai.bigdata.recsys;

import ai.bigdata.core.eval.Report;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Top-K ranking quality, macro-averaged over the evaluated users, by full ranking of the training catalogue
 * minus each user's training items (no sampled negatives). See {@link RankingEvaluator} for each definition.
 *
 * @param model the recommender's name
 * @param k the list length
 * @param threshold the lowest test rating that counts as relevant
 * @param users users evaluated (those with at least one relevant test item, less the skipped)
 * @param usersSkipped users with relevant test items left out because the model did not know them (SKIP)
 * @param precision Precision@K
 * @param recall Recall@K
 * @param ndcg NDCG@K
 * @param map MAP@K
 * @param mrr MRR@K (reciprocal rank of the first relevant item in the list, 0 when none)
 * @param hitRate HitRate@K
 * @param coverage distinct recommended items over catalogue size
 * @param novelty mean of -log2(share of training users who interacted with the item) over all list entries
 */
public record RankingReport(String model, int k, double threshold, long users, long usersSkipped, double precision,
        double recall, double ndcg, double map, double mrr, double hitRate, double coverage, double novelty) implements Report {
    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("precision@" + k, precision);
        m.put("recall@" + k, recall);
        m.put("ndcg@" + k, ndcg);
        m.put("map@" + k, map);
        m.put("mrr@" + k, mrr);
        m.put("hitRate@" + k, hitRate);
        m.put("coverage", coverage);
        m.put("novelty", novelty);
        return m;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("k", k);
        m.put("relevantRatingAtLeast", threshold);
        m.put("protocol", "full ranking over the training catalogue minus the user's training items; no sampled negatives");
        m.put("users", users);
        m.put("usersSkipped", usersSkipped);
        m.putAll(metrics());
        return m;
    }

    @Override
    public String toHtml() {
        return HtmlTable.page("Ranking report", toMap());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "%s @%d over %d users (%d skipped): P %.4f, R %.4f, NDCG %.4f, MAP %.4f, MRR %.4f, HR %.4f, coverage %.4f, novelty %.3f",
                model, k, users, usersSkipped, precision, recall, ndcg, map, mrr, hitRate, coverage, novelty);
    }
}
