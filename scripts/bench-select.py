#!/usr/bin/env python3
"""scikit-learn on the grid `gmmviz select --k 1...9 --covariance-type sklearn` fits: every K in
1..9 for every covariance type, k-means start with 5 restarts (n_init=5), default tol, the fit
of lowest BIC kept. Prints the chosen model, its BIC and the wall time of the grid.

    python3 scripts/bench-select.py DATA.csv [--n-init 5] [--tol 1e-3]
"""
import argparse
import time

import numpy as np
import pandas as pd
from sklearn.mixture import GaussianMixture

parser = argparse.ArgumentParser()
parser.add_argument("data")
parser.add_argument("--n-init", type=int, default=5)
parser.add_argument("--tol", type=float, default=1e-3)
args = parser.parse_args()

X = pd.read_csv(args.data).to_numpy(dtype=float)
start = time.perf_counter()
best = None
for covariance_type in ["full", "tied", "diag", "spherical"]:
    for k in range(1, 10):
        gmm = GaussianMixture(n_components=k, covariance_type=covariance_type, n_init=args.n_init,
                              tol=args.tol, random_state=0).fit(X)
        bic = gmm.bic(X)
        if best is None or bic < best[0]:
            best = (bic, covariance_type, k)
elapsed = time.perf_counter() - start
print(f"{args.data}: {X.shape[0]} x {X.shape[1]}; scikit-learn n_init={args.n_init} tol={args.tol}: "
      f"chosen {best[1]} K = {best[2]}, BIC {best[0]:.2f}; grid {elapsed:.2f} s")
