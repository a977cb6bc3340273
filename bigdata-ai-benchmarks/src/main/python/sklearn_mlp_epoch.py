"""Peer benchmark: scikit-learn's MLPClassifier epoch time on Fashion-MNIST flat pixels (protocol of peers.md A2).

Usage: /usr/bin/python3 sklearn_mlp_epoch.py FASHION_DIR ROWS EPOCHS
Prints one JSON line: {"ms_per_epoch": ..., "epochs": ..., "rows": ..., "test_accuracy": ..., "sklearn": ...}.
The network matches the Java side: 784-256-128-10, ReLU, Adam lr 1e-3, batch 128, alpha 1e-4, shuffled, seed 42.
Run with OMP_NUM_THREADS=2 (the benchmark runner sets it).
"""
import gzip
import json
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier


def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    folder, rows, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    x = idx(f"{folder}/train-images-idx3-ubyte.gz", 16).reshape(-1, 784)[:rows].astype(np.float32) / 255.0
    y = idx(f"{folder}/train-labels-idx1-ubyte.gz", 8)[:rows]
    xt = idx(f"{folder}/t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / 255.0
    yt = idx(f"{folder}/t10k-labels-idx1-ubyte.gz", 8)
    model = MLPClassifier(hidden_layer_sizes=(256, 128), activation="relu", solver="adam", learning_rate_init=1e-3,
                          batch_size=128, max_iter=epochs, alpha=1e-4, shuffle=True, random_state=42, early_stopping=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(x, y)
        seconds = time.perf_counter() - start
    print(json.dumps({"ms_per_epoch": seconds * 1000 / epochs, "epochs": epochs, "rows": rows,
                      "test_accuracy": float(model.score(xt, yt)), "sklearn": sklearn.__version__}))


if __name__ == "__main__":
    main()
