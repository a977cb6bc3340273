"""Computes the scikit-learn metric values that MetricsGoldenTest compares against (to 1e-9).

Run once (Debian: apt-get install python3-sklearn) from bigdata-ai-core:
    /usr/bin/python3 src/test/python/metrics_golden.py src/test/resources/golden/metrics.json
The inputs are generated here from a fixed seed and stored with the results, so the Java test reads
exactly the same numbers. scikit-learn 1.2.1 produced the committed file.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn import metrics

rng = np.random.default_rng(20261126)


def classification_case(name, n, k, skew):
    truth = rng.integers(0, k, size=n)
    logits = rng.normal(size=(n, k)) + skew * np.eye(k)[truth]
    logits = np.round(logits, 1)  # creates tied scores, which the curves must handle
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    pred = probs.argmax(axis=1)
    labels = list(range(k))
    p, r, f, s = metrics.precision_recall_fscore_support(truth, pred, labels=labels, zero_division=0)
    out = {
        "name": name, "classes": k, "truth": truth.tolist(), "probabilities": probs.tolist(),
        "accuracy": metrics.accuracy_score(truth, pred),
        "precision": p.tolist(), "recall": r.tolist(), "f1": f.tolist(), "support": s.tolist(),
        "precision_macro": metrics.precision_score(truth, pred, average="macro", zero_division=0),
        "recall_macro": metrics.recall_score(truth, pred, average="macro", zero_division=0),
        "f1_macro": metrics.f1_score(truth, pred, average="macro", zero_division=0),
        "precision_weighted": metrics.precision_score(truth, pred, average="weighted", zero_division=0),
        "recall_weighted": metrics.recall_score(truth, pred, average="weighted", zero_division=0),
        "f1_weighted": metrics.f1_score(truth, pred, average="weighted", zero_division=0),
        "f1_micro": metrics.f1_score(truth, pred, average="micro"),
        "confusion_matrix": metrics.confusion_matrix(truth, pred, labels=labels).tolist(),
        "log_loss": metrics.log_loss(truth, probs, labels=labels),
        "report": metrics.classification_report(truth, pred, labels=labels, target_names=[f"class {c}" for c in labels],
                                                 digits=4, zero_division=0),
    }
    if k == 2:
        out["roc_auc"] = metrics.roc_auc_score(truth, probs[:, 1])
        out["pr_auc"] = metrics.average_precision_score(truth, probs[:, 1])
    else:
        out["roc_auc"] = metrics.roc_auc_score(truth, probs, multi_class="ovr", average="macro")
        onehot = np.eye(k)[truth]
        out["pr_auc"] = metrics.average_precision_score(onehot, probs, average="macro")
        out["top2_accuracy"] = metrics.top_k_accuracy_score(truth, probs, k=2, labels=labels)
    return out


def regression_case(name, n):
    y = rng.normal(loc=3.0, scale=2.0, size=n)
    y[::17] = 0.0  # zeros exercise MAPE's epsilon
    p = y + rng.normal(scale=0.7, size=n)
    return {
        "name": name, "truth": y.tolist(), "predicted": p.tolist(),
        "mse": metrics.mean_squared_error(y, p), "rmse": float(np.sqrt(metrics.mean_squared_error(y, p))),
        "mae": metrics.mean_absolute_error(y, p), "r2": metrics.r2_score(y, p),
        "mape": metrics.mean_absolute_percentage_error(y, p),
    }


doc = {
    "sklearn": sklearn.__version__,
    "classification": [classification_case("binary", 400, 2, 1.0), classification_case("multiclass", 600, 5, 1.5),
                       classification_case("weak multiclass", 300, 4, 0.3)],
    "regression": [regression_case("regression", 500)],
}
with open(sys.argv[1], "w") as f:
    json.dump(doc, f)
