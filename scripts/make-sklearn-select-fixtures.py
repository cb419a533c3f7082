#!/usr/bin/env python3
"""Writes Tests/GMMTests/Fixtures/sklearn-select.json: scikit-learn's model choice on the data
sets of Tests/GMMTests/Fixtures/mclust-bic.json (iris, Old Faithful, airquality, rock, trees,
USArrests, swiss; the data is read from that fixture, so both references see the same numbers).

The grid is the one of scripts/bench-select.py and of scikit-learn's "Gaussian Mixture Model
Selection" example: every K in 1..9 for each of the four covariance types, k-means start with
n_init=5, random_state=0, default tol (1e-3) and reg_covar (1e-6). Per case: every (type, K)'s
BIC (scikit-learn's sign: -2 log L + p ln N, lower is better; null when the fit failed), the
lowest, and the chosen model's number of free parameters.

Each fit is also marked singular or not, by the rule gmmviz's select applies to its own fits
(scripts/singular_fits.py). "best_regular" is the lowest BIC among the fits that are not
singular: scikit-learn's choice when singular fits are left out, as mclust leaves them out.

Run from the repository root:  python3 scripts/make-sklearn-select-fixtures.py
"""
import json

import numpy as np
import sklearn
from sklearn.mixture import GaussianMixture

from singular_fits import is_singular

TYPES = ["full", "tied", "diag", "spherical"]

with open("Tests/GMMTests/Fixtures/mclust-bic.json") as f:
    cases = json.load(f)["cases"]

out = []
for case in cases:
    X = np.array(case["data"], dtype=float)
    table, singular, best, regular = {}, {}, None, None
    for covariance_type in TYPES:
        row, flags = [], []
        for k in range(1, 10):
            try:
                gmm = GaussianMixture(n_components=k, covariance_type=covariance_type, n_init=5,
                                      random_state=0).fit(X)
                bic = float(gmm.bic(X))
                flag = is_singular(gmm, X)
            except ValueError:
                bic, flag = None, None
            row.append(bic)
            flags.append(flag)
            if bic is not None and (best is None or bic < best[0]):
                best = (bic, covariance_type, k)
            if bic is not None and not flag and (regular is None or bic < regular[0]):
                regular = (bic, covariance_type, k)
        table[covariance_type] = row
        singular[covariance_type] = flags
    gmm = GaussianMixture(n_components=best[2], covariance_type=best[1])
    gmm.fit(X[: best[2] * 2])  # any fit, only to count the model's free parameters
    out.append({"name": case["name"], "bic": table, "singular": singular, "best_type": best[1],
                "best_components": best[2], "best_bic": best[0], "best_parameters": int(gmm._n_parameters()),
                "best_regular_type": regular[1], "best_regular_components": regular[2], "best_regular_bic": regular[0]})
    print(f"{case['name']}: {X.shape[0]} x {X.shape[1]}, scikit-learn chooses {best[1]} K = {best[2]}, BIC {best[0]:.2f};"
          f" without singular fits {regular[1]} K = {regular[2]}, BIC {regular[0]:.2f}")

with open("Tests/GMMTests/Fixtures/sklearn-select.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "n_init": 5, "random_state": 0, "cases": out}, f, indent=1)
    f.write("\n")
