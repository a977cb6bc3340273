/**
 * Text classifiers over token-id sequences: a fastText-style embedding bag, a text CNN and a bidirectional
 * LSTM ({@link ai.bigdata.nlp.model.TextClassifiers}), all core networks that ignore padding.
 */
package ai.bigdata.nlp.model;
