/** Recommender systems on bigdata-ai datasets: interactions, recommenders, ranking metrics (to come; see the roadmap). */
package ai.bigdata.recsys;
