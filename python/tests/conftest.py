"""Shared data: the notebook's three blobs of 100 points (unit covariance, fixed seed)."""
import os

import numpy as np
import pytest


@pytest.fixture(scope="session")
def blobs():
    rng = np.random.default_rng(0)
    means = [(2.0, 4.0), (-5.0, 3.0), (0.0, -4.0)]
    return np.concatenate([rng.normal(m, 1.0, size=(100, 2)) for m in means])


@pytest.fixture(scope="session")
def gmmviz_binary():
    path = os.environ.get("GMMVIZ")
    if not path:
        pytest.skip("GMMVIZ is not set to the gmmviz binary")
    return path
