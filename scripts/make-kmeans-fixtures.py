#!/usr/bin/env python3
"""Generate the k-means reference fixture the KMeansHistory tests compare against.

Run by hand (never at test time), from the repository root, after building gmmviz:

    swift build --product gmmviz
    python3 scripts/make-kmeans-fixtures.py [path/to/gmmviz]

It writes Tests/GMMTests/Fixtures/sklearn-kmeans.json: cases of scikit-learn's
KMeans(n_clusters=K, init=<centres>, n_init=1, algorithm="lloyd", tol=..., max_iter=m) fitted
for m = 1, 2, ... up to the iteration at which the unlimited run stops, from the same start.
Step m holds cluster_centers_, labels_ and inertia_ of the fit with max_iter=m; step 0 holds the
start, every sample's nearest start centre (pairwise_distances_argmin) and the inertia of that
assignment. Each case stores its data, so the test reads the same doubles; the demo's data is
the output of `gmmviz generate` (the test checks it is the demo's).

Numbers are written with repr() so they read back to the same doubles.
"""
import json
import os
import subprocess
import sys
import warnings

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import pairwise_distances_argmin

ROOT = os.path.join(os.path.dirname(__file__), "..")
OUT = os.path.join(ROOT, "Tests", "GMMTests", "Fixtures", "sklearn-kmeans.json")


def fit(X, init, tol, max_iter):
    km = KMeans(n_clusters=len(init), init=np.array(init, dtype=float), n_init=1, algorithm="lloyd",
                tol=tol, max_iter=max_iter)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        km.fit(X)
    return km


def case(name, X, init, tol, note):
    init = np.array(init, dtype=float)
    full = fit(X, init, tol, 300)
    labels0 = pairwise_distances_argmin(X, init)
    inertia0 = float(((X - init[labels0]) ** 2).sum())
    steps = [{"iteration": 0, "centres": init.tolist(), "labels": labels0.tolist(), "inertia": inertia0}]
    for m in range(1, full.n_iter_ + 1):
        km = fit(X, init, tol, m)
        assert km.n_iter_ == m, (name, m, km.n_iter_)
        steps.append({"iteration": m, "centres": km.cluster_centers_.tolist(), "labels": km.labels_.tolist(),
                      "inertia": float(km.inertia_)})
    assert np.array_equal(steps[-1]["centres"], full.cluster_centers_)
    return {"name": name, "note": note, "data": X.tolist(), "tol": tol, "n_iter": int(full.n_iter_),
            "steps": steps}


def demo_data(gmmviz):
    text = subprocess.run([gmmviz, "generate"], check=True, capture_output=True, text=True).stdout
    rows = [line.split(",") for line in text.strip().splitlines()[1:]]
    return np.array([[float(v) for v in row] for row in rows])


def faithful():
    with open(os.path.join(ROOT, "assets", "data", "faithful.csv")) as f:
        rows = [line.strip().split(",") for line in f.read().strip().splitlines()[1:]]
    return np.array([[float(v) for v in row] for row in rows])


def main():
    gmmviz = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "gmmviz")
    demo = demo_data(gmmviz)
    old_faithful = faithful()
    cases = [
        case("demo-notebook-start", demo, [[-5, -5], [0, -5], [0, 5]], 1e-4,
             "the demo's data and the notebook's initial means, scikit-learn's default tol"),
        case("demo-notebook-start-tol0", demo, [[-5, -5], [0, -5], [0, 5]], 0.0,
             "the same, stopping only when no label changes"),
        case("demo-far-centre", demo, [[-5, -5], [0, -5], [40, 40]], 0.0,
             "a centre far from every sample: its cluster is empty at the first update and takes"
             " the sample farthest from its centre"),
        case("demo-bunched-start-tol0", demo, [[-5, -5], [-5, -4], [-5, -3]], 0.0,
             "three start centres close together at one side: many iterations"),
        case("faithful-k2-rows-0-1", old_faithful, old_faithful[[0, 1]].tolist(), 1e-4,
             "Old Faithful, K = 2 from its first two rows"),
        case("faithful-k3-rows-0-1-2-tol0", old_faithful, old_faithful[[0, 1, 2]].tolist(), 0.0,
             "Old Faithful, K = 3 from its first three rows, stopping only when no label changes"),
    ]
    with open(OUT, "w") as f:
        json.dump({"generator": f"scikit-learn {sklearn.__version__}", "cases": cases}, f)
        f.write("\n")
    for c in cases:
        print(f"{c['name']}: {c['n_iter']} iterations")


if __name__ == "__main__":
    main()
