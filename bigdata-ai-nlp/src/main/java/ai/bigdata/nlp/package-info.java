/** Natural-language processing on bigdata-ai datasets: tokenizers, vectorizers, text models (to come; see the roadmap). */
package ai.bigdata.nlp;
