/**
 * Models: the {@link ai.bigdata.core.model.Model} interface, its signature (the columns it reads and
 * what it predicts) and {@link ai.bigdata.core.model.NeuralNetwork}, DL4J networks behind small
 * builders whose input and output sizes come from the data's schema.
 */
package ai.bigdata.core.model;
