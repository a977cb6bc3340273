/**
 * Preprocessing: unfitted {@link ai.bigdata.core.prep.Preprocessor}s learn from one dataset and give
 * fitted, immutable, JSON-serialisable {@link ai.bigdata.core.prep.Transform}s that apply to any
 * dataset with the same columns. Imputing, scaling, encoding and assembling features; pipelines.
 */
package ai.bigdata.core.prep;
