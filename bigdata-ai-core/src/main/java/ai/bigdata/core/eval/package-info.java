/**
 * Evaluation: classification and regression metrics that agree with scikit-learn, reports that render
 * as text, JSON and self-contained HTML, and cross-validation of whole recipes.
 */
package ai.bigdata.core.eval;
