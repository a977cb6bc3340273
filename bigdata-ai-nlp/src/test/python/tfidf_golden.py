"""Golden fixtures for bigdata-ai-nlp's vectorisers: scikit-learn's TfidfVectorizer, CountVectorizer and
HashingVectorizer on pre-tokenised documents (tokenizer=str.split, lowercase=False), so that the comparison
does not depend on a tokenizer, plus one case with scikit-learn's own char_wb analyzer.

Run with Debian's python3 (scikit-learn 1.2.1):
    /usr/bin/python3 bigdata-ai-nlp/src/test/python/tfidf_golden.py \
        > bigdata-ai-nlp/src/test/resources/ai/bigdata/nlp/tfidf_golden.json
"""
import json
import random
import sys

import sklearn
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer, TfidfVectorizer

rng = random.Random(42)
# Zipf-like word list: ASCII, accents, case variants, a fullwidth letter (U+FF21) and a supplementary
# character (U+1D518) whose order differs between code points (Python) and UTF-16 units (Java compareTo).
WORDS = ["the", "spam", "ham", "offer", "free", "money", "meeting", "Zebra", "zebra", "café", "naïve",
         "\uff21bc", "\U0001d518nicode", "x", "q9", "lorem", "ipsum", "dolor", "sit", "amet", "über", "ñandú",
         "click", "here", "now", "unsubscribe", "report", "budget", "cafe", "a"]
WEIGHTS = [1.0 / (i + 1) for i in range(len(WORDS))]


def doc(n):
    return " ".join(rng.choices(WORDS, WEIGHTS, k=n))


train = [doc(rng.randint(3, 25)) for _ in range(14)] + ["spam spam spam spam", "a"]
test = [doc(rng.randint(3, 25)) for _ in range(4)] + ["unseen words only", ""]

COMMON = dict(tokenizer=str.split, lowercase=False, token_pattern=None)
CASES = [
    ("tfidf_default", "tfidf", dict()),
    ("tfidf_sublinear", "tfidf", dict(sublinear_tf=True)),
    ("tfidf_plain_idf_no_norm", "tfidf", dict(smooth_idf=False, norm=None)),
    ("tfidf_limits_l1", "tfidf", dict(sublinear_tf=True, min_df=2, max_features=8, norm="l1")),
    ("tfidf_binary_bigrams", "tfidf", dict(binary=True, ngram_range=(1, 2), max_df=0.8)),
    ("counts_capped", "counts", dict(max_features=8)),
    ("hashing_32", "hashing", dict(n_features=32)),
    ("hashing_binary_8", "hashing", dict(n_features=8, binary=True, norm="l1")),
    ("tfidf_char_wb", "tfidf_char_wb", dict(ngram_range=(3, 3), sublinear_tf=True)),
]


def check_no_tie_at_cut(params):
    """scikit-learn 1.2.1 ranks terms for max_features with numpy's unstable quicksort, so terms tied at the
    cut are kept in an unspecified order (bigdata-ai keeps the earlier term in code-point order). The fixture
    uses only cuts without a tie, where the result is defined."""
    limit = params.get("max_features")
    if limit is None:
        return
    full = CountVectorizer(**COMMON, **{k: v for k, v in params.items() if k not in ("max_features", "norm",
                                                                                   "sublinear_tf", "smooth_idf")})
    totals = sorted(full.fit_transform(train).sum(axis=0).A1.tolist(), reverse=True)
    assert len(totals) <= limit or totals[limit - 1] != totals[limit], ("tie at the max_features cut", params)


def sparse(m):
    m = m.tocoo()
    return sorted([int(r), int(c), float(v)] for r, c, v in zip(m.row, m.col, m.data) if v != 0.0)


cases = []
for name, kind, params in CASES:
    case = {"name": name, "kind": kind, "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}}
    check_no_tie_at_cut(params)
    if kind == "hashing":
        v = HashingVectorizer(**COMMON, **params)
        tr, te = v.transform(train), v.transform(test)
    else:
        if kind == "tfidf":
            v = TfidfVectorizer(**COMMON, **params)
        elif kind == "counts":
            v = CountVectorizer(**COMMON, **params)
        else:
            v = TfidfVectorizer(analyzer="char_wb", **params)
        tr = v.fit_transform(train)
        te = v.transform(test)
        vocab = v.get_feature_names_out().tolist()
        case["vocabulary"] = vocab
        if hasattr(v, "idf_"):
            case["idf"] = [float(x) for x in v.idf_]
    case["width"] = int(tr.shape[1])
    case["train_matrix"] = sparse(tr)
    case["test_matrix"] = sparse(te)
    cases.append(case)

json.dump({"sklearn": sklearn.__version__, "train": train, "test": test, "cases": cases}, sys.stdout,
          ensure_ascii=False, indent=None)
sys.stdout.write("\n")
