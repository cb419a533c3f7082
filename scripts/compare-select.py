#!/usr/bin/env python3
"""Compares `gmmviz select` at its defaults with both references on real data sets: R's mclust
(`Mclust(X)`, written with the data by scripts/compare-select.R) and scikit-learn's grid (the four
types, K = 1..9, k-means start, n_init=5, random_state=0, as in scikit-learn's "Gaussian Mixture
Model Selection" example).

BIC in scikit-learn's sign (lower is better). Each scikit-learn fit is also marked singular by the
rule gmmviz applies to its own (scripts/singular_fits.py, README "Choosing K"). Columns: gmmviz's choice;
mclust's and whether gmmviz's BIC is at most mclust's + 0.05; scikit-learn's choice with `SING`
when singular; scikit-learn's lowest BIC among fits that are not singular and whether gmmviz's is
at most it; the two wall-clock times. Exits 1 when gmmviz loses to mclust or to scikit-learn's
regular choice on any set.

Usage:
  Rscript scripts/compare-select.R /tmp/gmmviz-select
  python3 scripts/compare-select.py /tmp/gmmviz-select [.build/release/gmmviz] [NAME ...]
"""
import json
import os
import subprocess
import sys
import time
import warnings

import numpy as np
from sklearn.mixture import GaussianMixture

from singular_fits import is_singular

warnings.filterwarnings("ignore")


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gmmviz-select"
    binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/gmmviz"
    with open(os.path.join(directory, "mclust.json")) as f:
        mclust = json.load(f)
    names = sys.argv[3:] or list(mclust)
    losses = 0
    for name in names:
        path = os.path.join(directory, f"{name}.csv")
        X = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
        n, d = X.shape
        best = regular = None
        started = time.time()
        for covariance_type in ["full", "tied", "diag", "spherical"]:
            for k in range(1, 10):
                try:
                    gmm = GaussianMixture(k, covariance_type=covariance_type, n_init=5, random_state=0).fit(X)
                except ValueError:
                    continue
                bic, singular = gmm.bic(X), is_singular(gmm, X)
                if best is None or bic < best[0]:
                    best = (bic, covariance_type, k, gmm._n_parameters(), singular)
                if not singular and (regular is None or bic < regular[0]):
                    regular = (bic, covariance_type, k)
        sklearn_seconds = time.time() - started
        started = time.time()
        run = subprocess.run([binary, "select", "--data", path, "--json"], capture_output=True, text=True)
        gmmviz_seconds = time.time() - started
        if run.returncode != 0:
            print(f"{name}: gmmviz failed: {run.stderr.strip()}")
            losses += 1
            continue
        chosen = json.loads(run.stdout)["best"]
        m = mclust[name]
        beats_mclust = chosen["bic"] <= m["bic"] + 0.05
        beats_sklearn = chosen["bic"] <= regular[0]
        losses += (not beats_mclust) + (not beats_sklearn)
        verdict = lambda ok: "ok " if ok else "LOSS"
        print(f"{name:17s} {n:4d} x {d:2d} | gmmviz {chosen['covariance_type']:>9s} K={chosen['components']} {chosen['bic']:10.2f}"
              f" | mclust {m['model']} K={m['k']} {m['bic']:10.2f} {verdict(beats_mclust)}"
              f" | sklearn {best[1]} K={best[2]} {best[0]:10.2f} p={best[3]}{' SING' if best[4] else ''}"
              f" | regular {regular[1]} K={regular[2]} {regular[0]:10.2f} {verdict(beats_sklearn)}"
              f" | {gmmviz_seconds:.1f} s, scikit-learn {sklearn_seconds:.1f} s", flush=True)
    print(f"{len(names)} data sets, {losses} losses")
    sys.exit(1 if losses else 0)


if __name__ == "__main__":
    main()
