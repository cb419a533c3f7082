"""record() against scikit-learn's own fit: the same model at the end, every step in between."""
import warnings

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

import gmmviz
from gmmviz.history import full_covariances

TYPES = ["full", "tied", "diag", "spherical"]

# record() runs scikit-learn's own fit loop with the same data and random state, so the numbers
# are computed by the same operations in the same order: equal to the last bit in practice. The
# tolerance leaves room only for the initial covariances, rebuilt from precision factors.
RTOL, ATOL = 1e-12, 1e-12


def fit_both(model, X):
    reference = clone(model)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        reference.fit(X)
        history = gmmviz.record(model, X)
    return reference, history


def assert_same_model(fitted, reference):
    for name in ("weights_", "means_", "covariances_", "precisions_cholesky_"):
        np.testing.assert_allclose(getattr(fitted, name), getattr(reference, name),
                                   rtol=RTOL, atol=ATOL, err_msg=name)
    assert fitted.n_iter_ == reference.n_iter_
    assert fitted.converged_ == reference.converged_
    assert fitted.lower_bound_ == pytest.approx(reference.lower_bound_, rel=RTOL)


@pytest.mark.parametrize("covariance_type", TYPES)
def test_record_ends_where_fit_ends(blobs, covariance_type):
    model = GaussianMixture(3, covariance_type=covariance_type, random_state=1, n_init=2)
    reference, history = fit_both(model, blobs)
    assert_same_model(history.model, reference)

    data = history.data
    assert data["format"] == "gmmviz.history" and data["version"] == 1
    assert (data["components"], data["dimensions"], data["samples"]) == (3, 2, 300)
    assert data["covariance_type"] == covariance_type
    assert data["iterations"] == reference.n_iter_ == len(history.snapshots) - 1
    assert data["converged"] == reference.converged_

    last = history.snapshots[-1]
    np.testing.assert_allclose(last["weights"], reference.weights_, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(last["means"], reference.means_, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(last["covariances"],
                               full_covariances(reference.covariances_, covariance_type, 3, 2),
                               rtol=RTOL, atol=ATOL)
    assert last["log_likelihood"] == pytest.approx(reference.score(blobs), rel=RTOL)
    # scikit-learn's bound is the E-step's, under the parameters before the last M-step.
    assert history.snapshots[-2]["log_likelihood"] == pytest.approx(reference.lower_bound_,
                                                                    rel=RTOL)


@pytest.mark.parametrize("covariance_type", TYPES)
def test_snapshots_are_valid_em_steps(blobs, covariance_type):
    model = GaussianMixture(3, covariance_type=covariance_type, random_state=0, tol=1e-8,
                            max_iter=40)
    _, history = fit_both(model, blobs)
    previous = -np.inf
    for i, s in enumerate(history.snapshots):
        assert s["iteration"] == i
        assert sum(s["weights"]) == pytest.approx(1.0, abs=1e-12)
        for c in np.asarray(s["covariances"]):
            np.testing.assert_allclose(c, c.T, atol=1e-14)
            np.linalg.cholesky(c)                       # positive definite
        # EM never lowers the likelihood; 1e-12 absorbs rounding in the mean of 300 terms.
        assert s["log_likelihood"] >= previous - 1e-12
        previous = s["log_likelihood"]


def test_record_honours_initial_parameters(blobs):
    means = np.array([[-5.0, -5.0], [0.0, -5.0], [0.0, 5.0]])
    precisions = np.array([np.eye(2) * 2.0] * 3)
    model = GaussianMixture(3, means_init=means, precisions_init=precisions,
                            weights_init=[0.2, 0.3, 0.5], tol=1e-6)
    reference, history = fit_both(model, blobs)
    assert_same_model(history.model, reference)
    first = history.snapshots[0]
    np.testing.assert_allclose(first["means"], means)
    np.testing.assert_allclose(first["weights"], [0.2, 0.3, 0.5])
    np.testing.assert_allclose(first["covariances"], np.array([np.eye(2) * 0.5] * 3), atol=1e-15)


def test_history_round_trips_through_json(blobs, tmp_path):
    _, history = fit_both(GaussianMixture(2, random_state=0), blobs)
    import json
    path = history.save(tmp_path / "h.json")
    assert json.loads(open(path).read()) == history.data == json.loads(history.to_json())


@pytest.mark.parametrize("init_params,max_iter", [("random", 3), ("random_from_data", 100),
                                                  ("k-means++", 0)])
def test_record_follows_init_params_and_max_iter(blobs, init_params, max_iter):
    model = GaussianMixture(3, init_params=init_params, max_iter=max_iter, random_state=7,
                            n_init=3, reg_covar=1e-4)
    reference, history = fit_both(model, blobs)
    assert_same_model(history.model, reference)
    assert len(history.snapshots) == reference.n_iter_ + 1
    if max_iter == 3:
        assert not history.data["converged"] and history.data["iterations"] == 3


def test_warm_start_continues_from_the_fitted_model(blobs):
    model = GaussianMixture(3, warm_start=True, max_iter=2, random_state=0)
    reference = clone(model)
    _, first = fit_both(model, blobs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        reference.fit(blobs)
        previous_means = reference.means_.copy()
        reference.fit(blobs)
        second = gmmviz.record(model, blobs)
    assert_same_model(model, reference)
    np.testing.assert_allclose(second.snapshots[0]["means"], previous_means, rtol=RTOL)
    np.testing.assert_allclose(second.snapshots[0]["means"], first.snapshots[-1]["means"])
