"""Computes the scikit-learn reference values that PreprocessingGoldenTest compares against.

Run once (Debian: apt-get install python3-sklearn python3-pandas) from bigdata-ai-core:
    /usr/bin/python3 src/test/python/sklearn_golden.py src/test/resources/ai/bigdata/core/testing/data/tabular src/test/resources/golden
It writes olive.json and gapminder.json, every double with all the digits it needs to round-trip
(json.dump uses repr), so the Java test can compare to 1e-13. scikit-learn 1.2.1 produced the committed
files; Debian bookworm's python3-sklearn 1.2.1 (numpy 1.24.2, pandas 1.5.3) reproduces them byte for byte.
"""
import json
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import MaxAbsScaler, MinMaxScaler, OneHotEncoder, RobustScaler, StandardScaler

data_dir, out_dir = sys.argv[1], sys.argv[2]


def arr(a):
    return [None if (isinstance(x, float) and np.isnan(x)) else float(x) for x in np.asarray(a, dtype=float).ravel()]


def scalers(df, cols):
    x = df[cols].to_numpy(dtype=float)
    out = {}
    for name, s, center, scale in [
        ("standard", StandardScaler(), "mean_", "scale_"),
        ("minmax", MinMaxScaler(), "data_min_", "data_range_"),
        ("robust", RobustScaler(), "center_", "scale_"),
        ("maxabs", MaxAbsScaler(), None, "max_abs_"),
    ]:
        t = s.fit_transform(x)
        out[name] = {
            "center": arr(getattr(s, center)) if center else [0.0] * len(cols),
            "scale": arr(getattr(s, scale)),
            "first_rows": [arr(r) for r in t[:25]],
        }
    return out


olive = pd.read_csv(f"{data_dir}/olive.csv")
olive_cols = ["palmitic", "palmitoleic", "stearic", "oleic", "linoleic", "linolenic", "arachidic", "eicosenoic"]
enc = OneHotEncoder(handle_unknown="error")
onehot = enc.fit_transform(olive[["region", "area"]]).toarray()
olive_out = {
    "sklearn": sklearn.__version__,
    "columns": olive_cols,
    "scalers": scalers(olive, olive_cols),
    "onehot": {
        "columns": ["region", "area"],
        "categories": [list(map(str, c)) for c in enc.categories_],
        "first_rows": [arr(r) for r in onehot[:25]],
        "column_sums": arr(onehot.sum(axis=0)),
    },
}
with open(f"{out_dir}/olive.json", "w") as f:
    json.dump(olive_out, f, indent=1)

gap = pd.read_csv(f"{data_dir}/gapminder.csv")
gap_cols = ["infant_mortality", "life_expectancy", "fertility", "population", "gdp"]
x = gap[gap_cols].to_numpy(dtype=float)
imputers = {}
for strategy in ["mean", "median", "most_frequent"]:
    imp = SimpleImputer(strategy=strategy)
    t = imp.fit_transform(x)
    imputers[strategy] = {"statistics": arr(imp.statistics_), "column_sums": arr(t.sum(axis=0))}
std = StandardScaler().fit(x)  # NaNs are ignored when fitting
gap_out = {
    "sklearn": sklearn.__version__,
    "columns": gap_cols,
    "imputers": imputers,
    "standard_with_missing": {"center": arr(std.mean_), "scale": arr(std.scale_)},
}
with open(f"{out_dir}/gapminder.json", "w") as f:
    json.dump(gap_out, f, indent=1)
print("wrote", out_dir)
