#!/usr/bin/env python3
"""Benchmark: seconds per EM iteration, gmmviz against scikit-learn, on the same data and model.

    python3 scripts/bench-em.py [--samples 1000000] [--components 8] [--dimensions 2]
                                [--types full,tied,diag,spherical] [--iterations 10]
                                [--repeats 3] [--whole-job]

Draws N points in D dimensions from K blobs (numpy, seed 0), picks one initial model (means
near the blob centres, identity covariances, equal weights), then for every covariance type
times

* scikit-learn: GaussianMixture(covariance_type=TYPE, tol=0, max_iter=ITER, means_init,
  weights_init, precisions_init).fit(X), best of REPEATS;
* gmmviz: .build/release/gmmviz-bench em (the same fit through the library), best of REPEATS,

and prints one line per type with both times, their ratio and both final log-likelihoods.

With --whole-job it also writes X as a CSV of 17-significant-digit numbers and times the whole
job a user runs, from the same initial means to convergence (tol 1e-3): pandas.read_csv plus
GaussianMixture.fit against `gmmviz fit --data X.csv --means ... --tol 1e-3 --json`, best of
REPEATS each, process start-up included for gmmviz.

Build first: swift build -c release --product gmmviz-bench (and --product gmmviz for
--whole-job). OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE are unset for this process so numpy runs its
best kernel.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings

for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(var, None)

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.mixture import GaussianMixture  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TYPES = ("full", "tied", "diag", "spherical")


def precisions(kind, k, d):
    """The precisions of identity covariances in scikit-learn's shape for `kind`."""
    return {"full": np.array([np.eye(d)] * k), "tied": np.eye(d),
            "diag": np.ones((k, d)), "spherical": np.ones(k)}[kind]


def time_sklearn(X, kind, means, weights, iters, repeats):
    best = float("inf")
    k, d = means.shape
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for _ in range(repeats):
            gm = GaussianMixture(n_components=k, covariance_type=kind, tol=0.0, max_iter=iters,
                                 means_init=means, weights_init=weights,
                                 precisions_init=precisions(kind, k, d))
            t0 = time.perf_counter()
            gm.fit(X)
            best = min(best, (time.perf_counter() - t0) / iters)
    return best, gm.score(X)


def time_gmmviz(data_path, d, init_path, kind, iters, repeats):
    exe = os.path.join(ROOT, ".build", "release", "gmmviz-bench")
    best, score = float("inf"), None
    for _ in range(repeats):
        out = subprocess.run([exe, "em", data_path, str(d), init_path, str(iters), "all", kind],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out)
        best = min(best, r["seconds_per_iteration"])
        score = r["final_log_likelihood"]
    return best, score


def whole_job(X, means, weights, tmp, repeats):
    import pandas as pd
    k, d = means.shape
    csv = os.path.join(tmp, "x.csv")
    np.savetxt(csv, X, fmt="%.17g", delimiter=",", header="x,y" if d == 2 else "", comments="")
    best_sk, sk_iter = float("inf"), None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for _ in range(repeats):
            t0 = time.perf_counter()
            data = pd.read_csv(csv).to_numpy()
            # random_from_data: with all three initial values given, scikit-learn would otherwise
            # run a k-means whose result it then overwrites.
            gm = GaussianMixture(n_components=k, covariance_type="full", tol=1e-3, init_params="random_from_data",
                                 means_init=means, weights_init=weights,
                                 precisions_init=precisions("full", k, d)).fit(data)
            best_sk = min(best_sk, time.perf_counter() - t0)
            sk_iter = gm.n_iter_
    exe = os.path.join(ROOT, ".build", "release", "gmmviz")
    means_arg = ";".join(",".join(repr(float(v)) for v in row) for row in means)
    best_gv, gv_iter = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = subprocess.run([exe, "fit", "--data", csv, "--means", means_arg, "--tol", "1e-3", "--json"],
                             check=True, capture_output=True, text=True).stdout
        best_gv = min(best_gv, time.perf_counter() - t0)
        gv_iter = json.loads(out)["iterations"]
    print(f"  whole job, {len(X):,} x {d} CSV to convergence (tol 1e-3): pandas read_csv + scikit-learn "
          f"{best_sk:.2f} s ({sk_iter} iterations), gmmviz fit {best_gv:.2f} s ({gv_iter} iterations): "
          f"{best_sk / best_gv:.1f}x")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=1_000_000)
    ap.add_argument("--components", type=int, default=8)
    ap.add_argument("--dimensions", type=int, default=2)
    ap.add_argument("--types", default="full", help="comma-separated covariance types, or 'all'")
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--whole-job", action="store_true")
    args = ap.parse_args()
    n, k, d, iters = args.samples, args.components, args.dimensions, args.iterations
    kinds = TYPES if args.types == "all" else tuple(args.types.split(","))

    rng = np.random.default_rng(0)
    centres = rng.uniform(-8, 8, (k, d))
    X = np.ascontiguousarray(centres[rng.integers(0, k, n)] + rng.standard_normal((n, d)))
    means = centres + rng.normal(0, 1.0, centres.shape)
    weights = np.full(k, 1.0 / k)

    print(f"EM: N = {n:,}, K = {k}, D = {d}, {iters} iterations, tol 0, {os.cpu_count()} cores; "
          f"scikit-learn {sklearn.__version__} (numpy {np.__version__})")
    with tempfile.TemporaryDirectory() as tmp:
        data_path = os.path.join(tmp, "x.f64")
        X.astype("<f8").tofile(data_path)
        init_path = os.path.join(tmp, "init.json")
        with open(init_path, "w") as f:
            json.dump({"weights": weights.tolist(), "means": means.tolist(),
                       "covariances": [np.eye(d).tolist()] * k}, f)
        for kind in kinds:
            sk, sk_score = time_sklearn(X, kind, means, weights, iters, args.repeats)
            gv, gv_score = time_gmmviz(data_path, d, init_path, kind, iters, args.repeats)
            print(f"  {kind:9s} scikit-learn {sk * 1e3:8.1f} ms/iter, gmmviz {gv * 1e3:7.2f} ms/iter: "
                  f"{sk / gv:6.1f}x  (final log-likelihood {sk_score:.12f} vs {gv_score:.12f})")
        if args.whole_job:
            whole_job(X, means, weights, tmp, args.repeats)


if __name__ == "__main__":
    sys.exit(main())
