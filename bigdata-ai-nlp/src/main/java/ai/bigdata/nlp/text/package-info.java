/** Tokenizers, stop words, stemmers and word n-grams. */
package ai.bigdata.nlp.text;
