/**
 * Recommender systems on bigdata-ai datasets: GroupLens readers ({@link ai.bigdata.recsys.GroupLensReader}),
 * interactions and splitters ({@link ai.bigdata.recsys.Interactions}, {@link ai.bigdata.recsys.InteractionSplitter}),
 * the {@link ai.bigdata.recsys.Recommender} interface with popularity, explicit and implicit ALS, BPR and item-kNN models,
 * full-ranking and rating evaluation ({@link ai.bigdata.recsys.RankingEvaluator},
 * {@link ai.bigdata.recsys.RatingEvaluator}) and checksummed model files ({@link ai.bigdata.recsys.RecommenderFiles}).
 */
package ai.bigdata.recsys;
