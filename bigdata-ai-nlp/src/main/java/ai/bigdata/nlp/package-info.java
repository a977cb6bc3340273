/**
 * Natural-language processing on bigdata-ai datasets: corpora ({@link ai.bigdata.nlp.corpus}), tokenizers
 * ({@link ai.bigdata.nlp.text}) and vectorisers ({@link ai.bigdata.nlp.vectorize}); embeddings and text
 * models are to come (see the roadmap).
 */
package ai.bigdata.nlp;
