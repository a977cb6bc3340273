"""Peer benchmark: scikit-learn's TfidfVectorizer (sublinear tf, smooth idf, l2 norm, its default token
pattern and lower-casing) fitted and applied to the SpamAssassin documents that TextBenchmark reads: the
same decoded texts, exported once by the benchmark runner as one UTF-8 file with the documents separated
by NUL characters.

Usage: /usr/bin/python3 sklearn_tfidf.py DOCS_FILE REPEATS MAX_DOCS
Prints one JSON line: {"ms_per_fit_transform": ..., "docs": ..., "megabytes": ..., "terms": ..., "repeats": ...,
"sklearn": ...}; the time is the mean of REPEATS runs after one warm-up run.
"""
import json
import sys
import time

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    path, repeats, max_docs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, encoding="utf-8") as f:
        docs = f.read().split("\0")[:max_docs]
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6

    def run():
        return TfidfVectorizer(sublinear_tf=True).fit_transform(docs)

    matrix = run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        matrix = run()
        times.append(time.perf_counter() - start)
    print(json.dumps({"ms_per_fit_transform": 1000 * sum(times) / len(times), "docs": len(docs), "megabytes": megabytes,
                      "terms": matrix.shape[1], "repeats": repeats, "sklearn": sklearn.__version__}))


if __name__ == "__main__":
    main()
