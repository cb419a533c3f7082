"""The singular-fit rule of gmmviz's `select` (README, "Choosing K"), for scikit-learn's fits.

Taking a fit's M-step again from its responsibilities with reg_covar / 1000 shrinks a singular
component to a tenth or less of its fitted variance in some direction: the regulariser supplies
nine tenths of it there or more. gmmviz applies the rule with its own M-step (Swift); this is an
independent numpy implementation for scikit-learn's four types, used by
scripts/make-sklearn-select-fixtures.py and scripts/compare-select.py.
"""
import numpy as np
import scipy.linalg


def weaker_step(gmm, X):
    """The fit's M-step covariances (K full D x D) with reg_covar / 1000."""
    r = gmm.predict_proba(X)
    nk = r.sum(0) + 10 * np.finfo(float).eps
    means = r.T @ X / nk[:, None]
    d = X.shape[1]
    covs = np.array([(r[:, k, None] * (X - means[k])).T @ (X - means[k]) / nk[k] for k in range(len(nk))])
    if gmm.covariance_type == "tied":
        covs = np.repeat((np.tensordot(nk, covs, 1) / nk.sum())[None], len(nk), 0)
    elif gmm.covariance_type == "diag":
        covs = np.array([np.diag(np.diag(c)) for c in covs])
    elif gmm.covariance_type == "spherical":
        covs = np.array([np.eye(d) * np.trace(c) / d for c in covs])
    return covs + gmm.reg_covar / 1000 * np.eye(d)


def fitted_covariances(gmm, d):
    """The fitted covariances as K full D x D matrices, whatever the type."""
    k, c = gmm.n_components, gmm.covariances_
    if gmm.covariance_type == "full":
        return c
    if gmm.covariance_type == "tied":
        return np.repeat(c[None], k, 0)
    if gmm.covariance_type == "diag":
        return np.array([np.diag(v) for v in c])
    return np.array([np.eye(d) * v for v in c])


def is_singular(gmm, X):
    """Whether some component of the fitted `gmm` is singular but for reg_covar."""
    pairs = zip(weaker_step(gmm, X), fitted_covariances(gmm, X.shape[1]))
    return any(scipy.linalg.eigh(a, sigma, eigvals_only=True).min() <= 0.1 for a, sigma in pairs)
