/**
 * Serving: {@link ai.bigdata.core.serve.ModelBundle}, one checksummed file holding the fitted
 * transform, the model and a manifest, and the thread-safe {@link ai.bigdata.core.serve.Predictor}
 * that takes raw rows; {@link ai.bigdata.core.serve.BundleArchive}, the sealed, checksummed container of named
 * parts that model bundles and other modules' bundles (recommenders) are written in.
 */
package ai.bigdata.core.serve;
