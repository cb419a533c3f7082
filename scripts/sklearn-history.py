#!/usr/bin/env python3
"""Write a gmmviz history from scikit-learn's GaussianMixture, one warm-started iteration at a time.

    python3 scripts/sklearn-history.py DATA.csv K OUT.json

This is the snippet of docs/history-schema.md, with a command line. Its output for the demo
data is committed as Tests/GMMTests/Fixtures/sklearn-history.json, which a test loads.
"""
import json, warnings
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

def snapshot(i, gm, X):
    return {"iteration": i, "weights": gm.weights_.tolist(), "means": gm.means_.tolist(),
            "covariances": gm.covariances_.tolist(), "log_likelihood": float(gm.score(X))}

def sklearn_history(X, n_components, iterations=100, tol=1e-3, seed=0):
    gm = GaussianMixture(n_components, covariance_type="full", max_iter=1, tol=0.0,
                         warm_start=True, random_state=seed)
    gm._initialize_parameters(X, np.random.RandomState(seed))   # snapshot 0: the initial model
    gm.covariances_ = np.array([np.linalg.inv(p @ p.T) for p in gm.precisions_cholesky_])
    snaps = [snapshot(0, gm, X)]
    converged = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for i in range(1, iterations + 1):
            gm.fit(X)                                           # one E-step and one M-step
            snaps.append(snapshot(i, gm, X))
            if abs(snaps[-1]["log_likelihood"] - snaps[-2]["log_likelihood"]) < tol:
                converged = True
                break
    n, d = X.shape
    return {"format": "gmmviz.history", "version": 1, "components": n_components,
            "dimensions": d, "samples": n, "covariance_type": "full",
            "converged": converged, "iterations": len(snaps) - 1, "snapshots": snaps}


if __name__ == "__main__":
    import sys
    if len(sys.argv) != 4:
        sys.exit("usage: sklearn-history.py DATA.csv K OUT.json")
    X = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, ndmin=2)
    with open(sys.argv[3], "w") as f:
        json.dump(sklearn_history(X, int(sys.argv[2])), f)
