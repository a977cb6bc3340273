package ai.bigdata.core.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/**
 * Builds a DL4J {@link ComputationGraphConfiguration} for data of a given signature, with the trainer's
 * settings: the way other modules add graph builders sized from the data (see
 * {@link GraphNetwork#of(String, GraphRecipe)}). The graph has one input (the features, shaped
 * {@code [rows, ...featureShape]}) and one output (the signature's {@code outputWidth()} values per
 * row).
 */
@FunctionalInterface
public interface GraphRecipe {
    /**
     * The configuration; sizes come from {@code signature}, seed and optimiser from {@code settings}
     * (start from {@link NetworkSettings#configuration(double)}).
     *
     * @throws SchemaMismatchException when the recipe cannot serve the signature
     */
    ComputationGraphConfiguration configure(ModelSignature signature, NetworkSettings settings);
}
