#!/usr/bin/env python3
"""Benchmark: seconds per EM iteration, gmmviz against scikit-learn, on the same data and model.

    python3 scripts/bench-em.py [--samples 1000000] [--components 8] [--iterations 10]

Draws N points in 2-D from K blobs (numpy, seed 0), picks one initial model (means near the
blob centres, identity covariances, equal weights), then times

* scikit-learn: GaussianMixture(covariance_type="full", tol=0, max_iter=ITER, means_init,
  weights_init, precisions_init).fit(X), best of 3;
* gmmviz: .build/release/gmmviz-bench em (the same fit through the library), best of 3,

and prints both with their ratio. Build first: swift build -c release --product gmmviz-bench.
OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE are unset for this process so numpy runs its best kernel.
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=1_000_000)
    ap.add_argument("--components", type=int, default=8)
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    n, k, iters = args.samples, args.components, args.iterations

    rng = np.random.default_rng(0)
    centres = rng.uniform(-8, 8, (k, 2))
    X = np.ascontiguousarray(centres[rng.integers(0, k, n)] + rng.standard_normal((n, 2)))
    means = centres + rng.normal(0, 1.0, centres.shape)
    weights = np.full(k, 1.0 / k)
    covs = np.array([np.eye(2)] * k)

    with tempfile.TemporaryDirectory() as tmp:
        data_path = os.path.join(tmp, "x.f64")
        X.astype("<f8").tofile(data_path)
        init_path = os.path.join(tmp, "init.json")
        with open(init_path, "w") as f:
            json.dump({"weights": weights.tolist(), "means": means.tolist(), "covariances": covs.tolist()}, f)

        best_sk = float("inf")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            for _ in range(args.repeats):
                gm = GaussianMixture(n_components=k, covariance_type="full", tol=0.0, max_iter=iters,
                                     means_init=means, weights_init=weights,
                                     precisions_init=np.array([np.linalg.inv(c) for c in covs]))
                t0 = time.perf_counter()
                gm.fit(X)
                best_sk = min(best_sk, (time.perf_counter() - t0) / iters)
        sk_score = gm.score(X)

        exe = os.path.join(ROOT, ".build", "release", "gmmviz-bench")
        best_gv, gv_score = float("inf"), None
        for _ in range(args.repeats):
            out = subprocess.run([exe, "em", data_path, "2", init_path, str(iters)], check=True,
                                 capture_output=True, text=True).stdout
            r = json.loads(out)
            best_gv = min(best_gv, r["seconds_per_iteration"])
            gv_score = r["final_log_likelihood"]

    print(f"EM benchmark: N = {n:,}, K = {k}, D = 2, {iters} iterations, tol 0, {os.cpu_count()} cores")
    print(f"  scikit-learn {sklearn.__version__} (numpy {np.__version__}): {best_sk * 1e3:8.1f} ms per iteration")
    print(f"  gmmviz (release):                  {best_gv * 1e3:8.1f} ms per iteration")
    print(f"  ratio: gmmviz is {best_sk / best_gv:.1f}x faster than scikit-learn")
    print(f"  final mean log-likelihood: scikit-learn {sk_score:.12f}, gmmviz {gv_score:.12f}")


if __name__ == "__main__":
    sys.exit(main())
