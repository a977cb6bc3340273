package ai.bigdata.core.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Builds an initialised DL4J network, parameters included, for data of a given signature with the
 * trainer's settings: how a network derived from a trained one (fine-tuning) comes into being when the
 * trainer first sees the new data.
 */
@FunctionalInterface
interface NetworkFactory {
    /**
     * The network for {@code signature}.
     *
     * @throws SchemaMismatchException when it cannot serve the signature
     */
    MultiLayerNetwork build(ModelSignature signature, NetworkSettings settings);
}
