/** Text vectorisers as fitted preprocessing steps: term counts, TF-IDF and feature hashing. */
package ai.bigdata.nlp.vectorize;
