"""Peer benchmark: PyTorch CPU, the reference CNN of peers.md A3, time per training step and per inference batch.

Usage: /usr/bin/python3 torch_cnn_step.py FASHION_DIR STEPS
Prints one JSON line: {"train_ms_per_batch": median over STEPS steps of batch 128 after 5 warm-up steps,
"infer_ms_per_batch": median over STEPS batches of 256 in eval/no_grad mode, "torch": version}.
Network: conv(1->32,3x3,pad 1)+ReLU+maxpool 2 -> conv(32->64)+ReLU+maxpool 2 -> dense 128+ReLU -> dropout 0.25
-> dense 10; cross-entropy; Adam 1e-3; torch.manual_seed(42). Run with OMP_NUM_THREADS=2 (the runner sets it).
"""
import gzip
import json
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn


def images(folder, n):
    with gzip.open(f"{folder}/train-images-idx3-ubyte.gz", "rb") as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28)[:n].astype(np.float32) / 255.0
    with gzip.open(f"{folder}/train-labels-idx1-ubyte.gz", "rb") as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8)[:n].astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def main():
    folder, steps = sys.argv[1], int(sys.argv[2])
    torch.set_num_threads(2)
    torch.manual_seed(42)
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = images(folder, 128 * (steps + 5))
    train = []
    model.train()
    for i in range(steps + 5):
        xb, yb = x[i * 128:(i + 1) * 128], y[i * 128:(i + 1) * 128]
        start = time.perf_counter()
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        if i >= 5:
            train.append((time.perf_counter() - start) * 1000)
    infer = []
    model.eval()
    with torch.no_grad():
        for i in range(steps + 2):
            xb = x[(i * 256) % (len(x) - 256):][:256]
            start = time.perf_counter()
            model(xb)
            if i >= 2:
                infer.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"train_ms_per_batch": statistics.median(train), "infer_ms_per_batch": statistics.median(infer),
                      "steps": steps, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
