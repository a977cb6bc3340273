"""Peer benchmark: scikit-learn logistic regression (lbfgs, C=1) under 5-fold stratified cross-validation
on the bundled 569 x 30 breast-cancer file (the same file SmallDataBenchmark reads), standard scaling
fitted inside each fold.

Usage: /usr/bin/python3 sklearn_logreg_cv.py IGNORED_DATA_DIR REPEATS
Prints one JSON line: {"ms_per_cv": ..., "accuracy": ..., "repeats": ..., "sklearn": ...}; the time is
the mean of REPEATS runs after one warm-up run. Run with OMP_NUM_THREADS set (the benchmark runner sets it).
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def main():
    repeats = int(sys.argv[2])
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "resources", "data", "breast_cancer.csv")
    raw = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=str)
    x = raw[:, :30].astype(np.float64)
    y = (raw[:, 30] == "malignant").astype(int)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)

    def run():
        return cross_val_score(make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=100)), x, y, cv=folds).mean()

    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        accuracy = run()
        times.append(time.perf_counter() - start)
    print(json.dumps({"ms_per_cv": 1000 * sum(times) / len(times), "accuracy": float(accuracy), "repeats": repeats,
                      "sklearn": sklearn.__version__}))


if __name__ == "__main__":
    main()
