#!/usr/bin/env python3
"""Write a gmmviz history from scikit-learn's GaussianMixture, one EM iteration at a time.

    python3 scripts/sklearn-history.py DATA.csv K OUT.json [COVARIANCE_TYPE]

A command line over `gmmviz.record` of the Python package (`pip install ./python`), for
GaussianMixture(K, covariance_type, random_state=0) with scikit-learn's other defaults. Its output
for the demo data (`gmmviz generate`) is committed as Tests/GMMTests/Fixtures/sklearn-history.json,
which a test loads.
"""
import os
import sys

import numpy as np
from sklearn.mixture import GaussianMixture

try:
    import gmmviz
except ImportError:                      # run from a clone without the package installed
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
    import gmmviz

if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: sklearn-history.py DATA.csv K OUT.json [full|tied|diag|spherical]")
    X = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, ndmin=2)
    covariance_type = sys.argv[4] if len(sys.argv) == 5 else "full"
    model = GaussianMixture(int(sys.argv[2]), covariance_type=covariance_type, random_state=0)
    gmmviz.record(model, X).save(sys.argv[3])
