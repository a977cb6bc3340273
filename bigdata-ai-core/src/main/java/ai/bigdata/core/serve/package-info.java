/**
 * Serving: {@link ai.bigdata.core.serve.ModelBundle}, one checksummed file holding the fitted
 * transform, the model and a manifest, and the thread-safe {@link ai.bigdata.core.serve.Predictor}
 * that takes raw rows.
 */
package ai.bigdata.core.serve;
