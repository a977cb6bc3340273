"""scikit-learn's reference numbers on bigdata-ai's SpamAssassin split (the file SpamAssassinIT writes):
TfidfVectorizer(sublinear_tf=True) on the raw message bytes decoded as latin-1 (research/peers.md, B), then
LogisticRegression(C=10), the full vocabulary and, for comparison with the Java run, max_features=20000.

    /usr/bin/python3 bigdata-ai-nlp/src/test/python/spam_sklearn.py \
        ../shared/data/spamassassin/spamassassin.tar.gz bigdata-ai-nlp/target/spamassassin-split.tsv
"""
import sys
import tarfile
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

archive, split_file = sys.argv[1], sys.argv[2]
texts = {}
with tarfile.open(archive, "r:gz") as tar:
    for m in tar:
        if m.isfile():
            texts[m.name] = tar.extractfile(m).read().decode("latin-1")
parts = {"train": ([], []), "test": ([], [])}
for line in open(split_file, encoding="utf-8"):
    part, label, path = line.rstrip("\n").split("\t")
    parts[part][0].append(texts[path])
    parts[part][1].append(1 if label == "spam" else 0)
(xtr, ytr), (xte, yte) = parts["train"], parts["test"]
for max_features in (None, 20000):
    t0 = time.perf_counter()
    v = TfidfVectorizer(sublinear_tf=True, max_features=max_features)
    a, b = v.fit_transform(xtr), v.transform(xte)
    t1 = time.perf_counter()
    model = LogisticRegression(C=10, max_iter=1000).fit(a, ytr)
    t2 = time.perf_counter()
    p = model.predict(b)
    print(f"max_features={max_features}: {len(xtr)} train / {len(xte)} test, vocabulary {len(v.vocabulary_)}, "
          f"accuracy {accuracy_score(yte, p):.4f}, spam F1 {f1_score(yte, p):.4f}, "
          f"TF-IDF {t1 - t0:.1f} s, fit {t2 - t1:.1f} s")
