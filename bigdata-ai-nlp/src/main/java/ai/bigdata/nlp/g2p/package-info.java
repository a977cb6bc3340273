/**
 * Grapheme-to-phoneme "translation" on the Carnegie Mellon Pronouncing Dictionary: {@link
 * ai.bigdata.nlp.g2p.CmuDict} reads cmudict 0.7b, {@link ai.bigdata.nlp.g2p.WordSplit} holds words out,
 * {@link ai.bigdata.nlp.g2p.PronunciationCoder} codes spellings and pronunciations as the id columns core's
 * {@code Seq2SeqNetwork} reads and predicts, and {@link ai.bigdata.nlp.g2p.Pronouncer} serves a bundle.
 */
package ai.bigdata.nlp.g2p;
