#!/usr/bin/env python3
"""Generate the reference fixtures the GMM tests compare against.

Run by hand (never at test time) after changing a case:

    python3 scripts/make-fixtures.py

It writes Tests/GMMTests/Fixtures/*.json:

* notebook.json — the notebook's experiment (three blobs of 100 points, initial means
  (-5,-5), (0,-5), (0,5), identity covariances, equal weights) and the means after every one
  of its 100 EM iterations, computed by a direct transcription of the notebook's EM with
  scipy.stats.multivariate_normal.pdf (no regularisation, no tolerance).
* sklearn-full.json — cases fitted by scikit-learn's GaussianMixture(covariance_type="full")
  from an explicit initial model (means_init, weights_init, precisions_init): the final
  parameters, n_iter_, converged_, score(X) after every iteration (one-iteration warm starts)
  and the final score.
* sklearn-types.json — the same for every covariance type (full, tied, diag, spherical), with
  precisions_init in the type's own shape, plus bic(X), aic(X) and _n_parameters(). Parameters
  are stored as gmmviz stores them: K full D x D covariance matrices whatever the type (tied
  repeated K times, diag as diagonal matrices, spherical as sigma^2 I).

Numbers are written with repr() so they read back to the same doubles.
"""
import json
import os
import sys
import warnings

import numpy as np
import scipy.stats as stats
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "GMMTests", "Fixtures")


def notebook_em(X, mu_s, n_iterations=100):
    """The notebook's EM, transcribed: plain pdfs, normalised rows, weighted updates."""
    n = len(X)
    pi_s = [1 / 3] * 3
    mu_s = [np.array(m, dtype=float) for m in mu_s]
    sigma_s = [np.eye(2) for _ in mu_s]
    history = [[m.tolist() for m in mu_s]]
    for _ in range(n_iterations):
        rand_vars = [stats.multivariate_normal(mu, sigma) for mu, sigma in zip(mu_s, sigma_s)]
        gamma_mat = np.array([[pi * rv.pdf([x]) for pi, rv in zip(pi_s, rand_vars)] for x in X])
        probs = gamma_mat / np.sum(gamma_mat, axis=1).reshape((n, 1))
        for i in range(len(mu_s)):
            mu_s[i] = np.sum(probs[:, i].reshape((n, 1)) * X, axis=0) / np.sum(probs[:, i])
            sigma_s[i] = (X - mu_s[i]).T.dot((X - mu_s[i]) * probs[:, i].reshape((n, 1))) / np.sum(probs[:, i])
            pi_s[i] = np.mean(probs[:, i])
        history.append([m.tolist() for m in mu_s])
    return history


def make_notebook():
    rng = np.random.RandomState(0)
    actual_means = [[2, 4], [-5, 3], [0, -4]]
    blobs = [rng.multivariate_normal(m, np.eye(2), (100,)) for m in actual_means]
    X = np.concatenate(blobs)
    init = [[-5, -5], [0, -5], [0, 5]]
    return {
        "description": "The notebook's EM transcribed (scipy pdf, 100 iterations, no reg_covar, no tol).",
        "data": X.tolist(),
        "initial_means": init,
        "iterations": 100,
        "means_history": notebook_em(X, init),
    }


def blobs(rng, centers, n, scale=1.0):
    centers = np.asarray(centers, dtype=float)
    return np.concatenate([c + scale * rng.standard_normal((n, centers.shape[1])) for c in centers])


def fit_with_snapshot_scores(kwargs, X):
    """Fits GaussianMixture(**kwargs) and returns it with score(X) of every snapshot: the
    initial model, then one M-step at a time (one-iteration warm starts)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        gm = GaussianMixture(**kwargs).fit(X)
        stepper = GaussianMixture(**{**kwargs, "max_iter": 1, "tol": 0.0, "warm_start": True})
        stepper._initialize_parameters(X, np.random.RandomState(0))
        scores = [float(stepper.score(X))]
        for _ in range(gm.n_iter_):
            stepper.fit(X)
            scores.append(float(stepper.score(X)))
    return gm, scores


def fit_case(name, X, means, weights, covariances, tol, max_iter=100, reg_covar=1e-6, note=""):
    means = np.asarray(means, dtype=float)
    weights = np.asarray(weights, dtype=float)
    covariances = np.asarray(covariances, dtype=float)
    precisions = np.array([np.linalg.inv(c) for c in covariances])
    kwargs = dict(n_components=len(means), covariance_type="full", tol=tol, max_iter=max_iter,
                  reg_covar=reg_covar, means_init=means, weights_init=weights, precisions_init=precisions)
    gm, scores = fit_with_snapshot_scores(kwargs, X)
    return {
        "name": name,
        "note": note,
        "data": X.tolist(),
        "dimension": int(X.shape[1]),
        "components": int(len(means)),
        "tol": tol,
        "max_iter": max_iter,
        "reg_covar": reg_covar,
        "initial": {"weights": weights.tolist(), "means": means.tolist(), "covariances": covariances.tolist()},
        "n_iter": int(gm.n_iter_),
        "converged": bool(gm.converged_),
        "weights": gm.weights_.tolist(),
        "means": gm.means_.tolist(),
        "covariances": gm.covariances_.tolist(),
        "score": float(gm.score(X)),
        "snapshot_scores": scores,
    }


def make_sklearn_cases():
    rng = np.random.RandomState(42)
    cases = []

    X = blobs(rng, [[2, 4], [-5, 3], [0, -4]], 100)
    cases.append(fit_case("d2-k3-demo-default-tol", X, [[-5, -5], [0, -5], [0, 5]], [1 / 3] * 3,
                          [np.eye(2)] * 3, tol=1e-3, note="the demo's setting, default tol"))

    X = np.concatenate([rng.normal(0, 1, (150, 1)), rng.normal(1.5, 0.7, (100, 1))])
    cases.append(fit_case("d1-k2-overlap-tol0", X, [[-1.0], [2.0]], [0.5, 0.5], [[[1.0]], [[1.0]]],
                          tol=0.0, max_iter=60, note="D = 1, strongly overlapping, every iteration"))

    centers = rng.uniform(-6, 6, (4, 5))
    X = blobs(rng, centers, 80, scale=1.3)
    init_means = centers + rng.normal(0, 1.5, centers.shape)
    covs = [np.eye(5) * 2.0 for _ in range(4)]
    cases.append(fit_case("d5-k4-default-tol", X, init_means, [0.25] * 4, covs, tol=1e-3,
                          note="D = 5, K = 4, default tol"))

    X = blobs(rng, [[0, 0], [2, 1], [1, 3], [4, 4], [5, 1], [3, -1]], 60, scale=0.9)
    init = [[0.5, 0.5], [2.5, 0.5], [0.5, 2.5], [3.5, 3.5], [4.5, 0.5], [2.5, -1.5]]
    cases.append(fit_case("d2-k6-overlap-tol1e-4", X, init, [1 / 6] * 6, [np.eye(2)] * 6, tol=1e-4,
                          note="K = 6 overlapping clusters, tight tol"))

    X = np.concatenate([blobs(rng, [[0, 0], [6, 6]], 100), [[400.0, -350.0]]])
    cases.append(fit_case("d2-k2-far-outlier-tol0", X, [[1, 1], [5, 5]], [0.5, 0.5], [np.eye(2)] * 2,
                          tol=0.0, max_iter=40, note="a point hundreds of sigmas from every component"))

    X = blobs(rng, [[1, -2, 3]], 200, scale=2.0)
    cases.append(fit_case("d3-k1-closed-form", X, [[0, 0, 0]], [1.0], [np.eye(3)], tol=1e-3,
                          note="K = 1: one M-step gives the sample mean and covariance"))

    X = blobs(rng, [[-3, 0], [3, 0]], 120, scale=1.0)
    init_covs = [[[2.0, 0.8], [0.8, 1.0]], [[1.0, -0.5], [-0.5, 3.0]]]
    cases.append(fit_case("d2-k2-weights-covs-reg1e-3", X, [[-1, 1], [1, -1]], [0.3, 0.7], init_covs,
                          tol=1e-3, reg_covar=1e-3, note="non-uniform initial weights and correlated covariances"))
    return cases


def full_covariances(covariances, covariance_type, k, d):
    """scikit-learn's type-shaped covariances as K full D x D matrices."""
    c = np.asarray(covariances, dtype=float)
    if covariance_type == "full":
        return c
    if covariance_type == "tied":
        return np.array([c] * k)
    if covariance_type == "diag":
        return np.array([np.diag(row) for row in c])
    return np.array([np.eye(d) * v for v in c])


def precisions_init(covariances, covariance_type):
    """The type-shaped precisions scikit-learn takes from type-shaped covariances."""
    c = np.asarray(covariances, dtype=float)
    if covariance_type == "full":
        return np.array([np.linalg.inv(m) for m in c])
    if covariance_type == "tied":
        return np.linalg.inv(c)
    return 1.0 / c


def fit_type_case(name, covariance_type, X, means, weights, covariances, tol, max_iter=100, reg_covar=1e-6, note=""):
    """One case: covariances are given in the type's own scikit-learn shape."""
    means = np.asarray(means, dtype=float)
    weights = np.asarray(weights, dtype=float)
    k, d = means.shape
    kwargs = dict(n_components=k, covariance_type=covariance_type, tol=tol, max_iter=max_iter,
                  reg_covar=reg_covar, means_init=means, weights_init=weights,
                  precisions_init=precisions_init(covariances, covariance_type), init_params="random_from_data")
    gm, scores = fit_with_snapshot_scores(kwargs, X)
    return {
        "name": name,
        "covariance_type": covariance_type,
        "note": note,
        "data": X.tolist(),
        "dimension": int(d),
        "components": int(k),
        "tol": tol,
        "max_iter": max_iter,
        "reg_covar": reg_covar,
        "initial": {"weights": weights.tolist(), "means": means.tolist(),
                    "covariances": full_covariances(covariances, covariance_type, k, d).tolist()},
        "n_iter": int(gm.n_iter_),
        "converged": bool(gm.converged_),
        "weights": gm.weights_.tolist(),
        "means": gm.means_.tolist(),
        "covariances": full_covariances(gm.covariances_, covariance_type, k, d).tolist(),
        "score": float(gm.score(X)),
        "bic": float(gm.bic(X)),
        "aic": float(gm.aic(X)),
        "n_parameters": int(gm._n_parameters()),
        "snapshot_scores": scores,
    }


def initial_covariances(covariance_type, k, d, scale):
    """Initial covariances in the type's shape: scale * I, with powers of two so that the
    precisions scikit-learn is given are exact reciprocals."""
    if covariance_type == "full":
        return [np.eye(d) * scale for _ in range(k)]
    if covariance_type == "tied":
        return np.eye(d) * scale
    if covariance_type == "diag":
        return [[scale] * d for _ in range(k)]
    return [scale] * k


def make_type_cases():
    rng = np.random.RandomState(6)
    cases = []
    # D = 1: two overlapping groups, every iteration.
    X1 = np.concatenate([rng.normal(0, 1, (150, 1)), rng.normal(2.0, 0.6, (100, 1))])
    # D = 2: three elongated, rotated clusters (so the types really differ), default tol.
    def rotated(center, sx, sy, degrees, n):
        a = np.radians(degrees)
        r = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
        return center + (rng.standard_normal((n, 2)) * [sx, sy]) @ r.T
    X2 = np.concatenate([rotated([2, 4], 1.6, 0.5, 30, 100), rotated([-5, 3], 0.7, 1.4, -20, 100),
                         rotated([0, -4], 1.0, 1.0, 0, 100)])
    # D = 5: four blobs of different spreads per axis.
    centers5 = rng.uniform(-6, 6, (4, 5))
    X5 = np.concatenate([c + rng.standard_normal((70, 5)) * rng.uniform(0.5, 1.8, 5) for c in centers5])
    init5 = centers5 + rng.normal(0, 1.2, centers5.shape)
    # D = 3: a tight tolerance and a large regulariser.
    X3 = np.concatenate([c + 0.9 * rng.standard_normal((80, 3)) for c in [[0, 0, 0], [3, 1, -1], [-2, 3, 2]]])

    for t in ["full", "tied", "diag", "spherical"]:
        cases.append(fit_type_case(f"{t}-d1-k2-overlap-tol0", t, X1, [[-1.0], [3.0]], [0.5, 0.5],
                                   initial_covariances(t, 2, 1, 1.0), tol=0.0, max_iter=60,
                                   note="D = 1, overlapping, every iteration"))
        cases.append(fit_type_case(f"{t}-d2-k3-rotated-default-tol", t, X2, [[-5, -5], [0, -5], [0, 5]], [1 / 3] * 3,
                                   initial_covariances(t, 3, 2, 1.0), tol=1e-3,
                                   note="the demo's start on elongated, rotated clusters"))
        cases.append(fit_type_case(f"{t}-d5-k4-default-tol", t, X5, init5, [0.25] * 4,
                                   initial_covariances(t, 4, 5, 2.0), tol=1e-3,
                                   note="D = 5, K = 4, different spreads per axis"))
        cases.append(fit_type_case(f"{t}-d3-k3-tol1e-4-reg1e-3", t, X3, [[1, 1, 1], [2, 0, 0], [-1, 2, 1]], [0.2, 0.3, 0.5],
                                   initial_covariances(t, 3, 3, 0.5), tol=1e-4, reg_covar=1e-3,
                                   note="non-uniform weights, tight tol, large reg_covar"))
    return cases


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("notebook.json", make_notebook())
    write("sklearn-full.json", {"generator": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
                                "cases": make_sklearn_cases()})
    write("sklearn-types.json", {"generator": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
                                 "cases": make_type_cases()})


if __name__ == "__main__":
    sys.exit(main())
