"""Peer benchmark: PyTorch CPU on the networks of peers.md A2 (MLP) and A3 (CNN).

Usage: /usr/bin/python3 torch_peer.py FASHION_DIR STEPS [THREADS]
Prints one JSON line with medians over STEPS timed repetitions (after warm-up):
  "train_ms_per_batch": a CNN training step, batch 128 (5 warm-up steps);
  "infer_ms_per_batch": CNN inference, batch 256, eval mode under no_grad;
  "single_ms_p50", "single_ms_p99": CNN inference of one image, percentiles over 20 x STEPS calls;
  "mlp_infer_ms_per_batch": MLP inference (softmax probabilities), batch 256;
  "epoch_ms": a CNN training epoch over the first 6,400 training images, batch 128, a new torch.randperm
  order each epoch (median of 3 epochs after 1 warm-up epoch; CnnEpochBenchmark's peer);
  "torch": the version.
CNN: conv(1->32,3x3,pad 1)+ReLU+maxpool 2 -> conv(32->64)+ReLU+maxpool 2 -> dense 128+ReLU -> dropout 0.25
-> dense 10; cross-entropy; Adam 1e-3. MLP: 784-256-128-10, ReLU, softmax. torch.manual_seed(42).
THREADS (default 2) sets torch.set_num_threads; the runner runs it at 1 and at 2 threads, with
OMP_NUM_THREADS equal to it, so that each row compares equal thread counts.
"""
import gzip
import json
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn


EPOCH_ROWS = 6400


def images(folder, n):
    with gzip.open(f"{folder}/train-images-idx3-ubyte.gz", "rb") as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28)[:n].astype(np.float32) / 255.0
    with gzip.open(f"{folder}/train-labels-idx1-ubyte.gz", "rb") as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8)[:n].astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def timed(call, reps, warmup):
    """Milliseconds of each of reps calls of call(i), after warmup untimed calls."""
    times = []
    for i in range(reps + warmup):
        start = time.perf_counter()
        call(i)
        if i >= warmup:
            times.append((time.perf_counter() - start) * 1000)
    return times


def main():
    folder, steps = sys.argv[1], int(sys.argv[2])
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = images(folder, max(128 * (steps + 5), EPOCH_ROWS))
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
    epochs = []
    for e in range(4):
        order = torch.randperm(EPOCH_ROWS)
        start = time.perf_counter()
        for i in range(0, EPOCH_ROWS, 128):
            idx = order[i:i + 128]
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
        if e > 0:
            epochs.append((time.perf_counter() - start) * 1000)
    model.eval()
    mlp = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                        nn.Linear(128, 10), nn.Softmax(dim=1)).eval()
    with torch.no_grad():
        infer = timed(lambda i: model(x[(i * 256) % (len(x) - 256):][:256]), steps, 2)
        single = timed(lambda i: model(x[:1]), 20 * steps, 10)
        mlp_infer = timed(lambda i: mlp(x[(i * 256) % (len(x) - 256):][:256]), steps, 2)
    print(json.dumps({"train_ms_per_batch": statistics.median(train), "infer_ms_per_batch": statistics.median(infer),
                      "single_ms_p50": float(np.percentile(single, 50)), "single_ms_p99": float(np.percentile(single, 99)),
                      "mlp_infer_ms_per_batch": statistics.median(mlp_infer),
                      "epoch_ms": statistics.median(epochs), "epoch_rows": EPOCH_ROWS, "steps": steps, "threads": threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
