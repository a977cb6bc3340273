package ai.bigdata.core.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/** Builds a DL4J network configuration for data of a given signature, with the trainer's settings. */
@FunctionalInterface
public interface NetworkRecipe {
    /**
     * The configuration; sizes come from {@code signature}.
     *
     * @throws SchemaMismatchException when the recipe cannot serve the signature's task
     */
    MultiLayerConfiguration configure(ModelSignature signature, NetworkSettings settings);
}
