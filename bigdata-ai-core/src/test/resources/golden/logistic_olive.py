"""Golden fixture for LbfgsLogisticTest: scikit-learn's L2 logistic regression (lbfgs, converged tightly)
on the bundled olive data, the eight fatty acids standardised with the population standard deviation.
Run from this folder: /usr/bin/python3 logistic_olive.py > logistic_olive.json (scikit-learn 1.2.1)."""
import csv, json
import numpy as np
from scipy.optimize import minimize
from scipy.special import logsumexp
from sklearn.linear_model import LogisticRegression

ACIDS = ["palmitic", "palmitoleic", "stearic", "oleic", "linoleic", "linolenic", "arachidic", "eicosenoic"]
with open("../ai/bigdata/core/testing/data/tabular/olive.csv") as f:
    rows = list(csv.DictReader(f))
x = np.array([[float(r[a]) for a in ACIDS] for r in rows])
x = (x - x.mean(axis=0)) / x.std(axis=0)
areas = sorted({r["area"] for r in rows})
y_area = np.array([areas.index(r["area"]) for r in rows])
y_south = np.array([1 if r["region"] == "Southern Italy" else 0 for r in rows])

def tight_multinomial(x, y, k, c):
    """The exact optimum of scikit-learn's multinomial objective C * sum CE + |W|^2 / 2 (intercepts free),
    solved far below scikit-learn's own stopping tolerance (its ftol stops it near, not at, the optimum)."""
    n, d = x.shape
    onehot = np.eye(k)[y]
    def f(theta):
        w = theta[: d * k].reshape(d, k)
        b = theta[d * k:]
        z = x @ w + b
        lse = logsumexp(z, axis=1)
        p = np.exp(z - lse[:, None])
        r = p - onehot
        return c * np.sum(lse - z[np.arange(n), y]) + 0.5 * np.sum(w * w), np.concatenate([(c * x.T @ r + w).ravel(), c * r.sum(axis=0)])
    res = minimize(f, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"gtol": 1e-12, "ftol": 1e-16, "maxiter": 100000})
    return res.x[: d * k].reshape(d, k).T.tolist(), res.x[d * k:].tolist()

def tight_binomial(x, y, c):
    """The exact optimum of scikit-learn's binomial objective C * sum log(1 + exp(-s z)) + |w|^2 / 2."""
    n, d = x.shape
    s = 2 * y - 1
    def f(theta):
        z = x @ theta[:d] + theta[d]
        m = -s * z
        loss = np.sum(np.logaddexp(0, m))
        r = 1 / (1 + np.exp(-z)) - y
        return c * loss + 0.5 * theta[:d] @ theta[:d], np.concatenate([c * x.T @ r + theta[:d], [c * r.sum()]])
    res = minimize(f, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"gtol": 1e-12, "ftol": 1e-16, "maxiter": 100000})
    return [res.x[:d].tolist()], [float(res.x[d])]

out = {}
for name, y, c in [("area_multinomial_C1", y_area, 1.0), ("south_binomial_C0.1", y_south, 0.1)]:
    m = LogisticRegression(C=c, tol=1e-12, max_iter=100000, multi_class="auto").fit(x, y)
    out[name] = {"C": c, "classes": int(len(np.unique(y))), "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(),
                 "train_accuracy": float(m.score(x, y))}
coef, intercept = tight_multinomial(x, y_area, len(areas), 1.0)
out["area_multinomial_C1"]["exact_coef"] = coef
out["area_multinomial_C1"]["exact_intercept"] = intercept
coef, intercept = tight_binomial(x, y_south, 0.1)
out["south_binomial_C0.1"]["exact_coef"] = coef
out["south_binomial_C0.1"]["exact_intercept"] = intercept
print(json.dumps(out, indent=1))
