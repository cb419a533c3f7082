"""A scikit-learn GaussianMixture fit, recorded one EM iteration at a time as a gmmviz history."""
import json
import warnings

import numpy as np


class History:
    """A gmmviz history (docs/history-schema.md): ``data`` is the JSON object as a dict.

    ``model`` is the fitted estimator the history was recorded from, when there is one.
    """

    def __init__(self, data, model=None):
        self.data = data
        self.model = model

    @property
    def snapshots(self):
        return self.data["snapshots"]

    def to_json(self):
        return json.dumps(self.data)

    def save(self, path):
        with open(path, "w") as f:
            f.write(self.to_json())
        return path

    def __repr__(self):
        d = self.data
        return (f"<gmmviz.History K={d['components']} D={d['dimensions']} N={d['samples']} "
                f"{d['covariance_type']} iterations={d['iterations']} converged={d['converged']}>")


def full_covariances(covariances, covariance_type, k, d):
    """Any covariance type's ``covariances_`` as K × D × D full matrices.

    tied: the one D × D matrix, once per component; diag: K × D variances on the diagonals;
    spherical: K variances σₖ² as σₖ²·I.
    """
    c = np.asarray(covariances, dtype=float)
    if covariance_type == "full":
        return c.reshape(k, d, d)
    if covariance_type == "tied":
        return np.broadcast_to(c, (k, d, d)).copy()
    if covariance_type == "diag":
        return np.stack([np.diag(v) for v in c])
    if covariance_type == "spherical":
        return np.stack([np.eye(d) * v for v in c])
    raise ValueError(f"unknown covariance_type {covariance_type!r}; expected full, tied, diag "
                     "or spherical")


def covariances_from_precisions(precisions_cholesky, covariance_type):
    """``covariances_`` in scikit-learn's shape for the type, from ``precisions_cholesky_``.

    scikit-learn sets ``covariances_`` at initialisation only without ``precisions_init``, so
    the initial model's covariances are rebuilt from the Cholesky factors of the precisions:
    Σ = (L Lᵀ)⁻¹ for full and tied, 1 / l² for diag and spherical.
    """
    p = np.asarray(precisions_cholesky, dtype=float)
    if covariance_type == "full":
        return np.stack([np.linalg.inv(l @ l.T) for l in p])
    if covariance_type == "tied":
        return np.linalg.inv(p @ p.T)
    return 1.0 / p ** 2


class _Recorder:
    """Hooks on one estimator's initialisation and M-step that keep a snapshot after each.

    scikit-learn's own ``fit`` loop runs unchanged, so the fit is exactly the configured one
    (n_init, tol, max_iter, warm_start, every *_init); each initialisation starts a new run,
    and the run scikit-learn keeps is chosen by the same rule as its ``fit_predict``.
    """

    def __init__(self, gm):
        self.gm = gm
        self.runs = []          # per initialisation: {"snapshots": [...], "bounds": [...]}
        self.X = None

    def snapshot(self, covariances):
        gm = self.gm
        k, d = gm.means_.shape
        run = self.runs[-1]
        return {"iteration": len(run["snapshots"]),
                "weights": np.asarray(gm.weights_, dtype=float).tolist(),
                "means": np.asarray(gm.means_, dtype=float).tolist(),
                "covariances": full_covariances(covariances, gm.covariance_type, k, d).tolist(),
                "log_likelihood": self.mean_log_likelihood()}

    def mean_log_likelihood(self):
        """``score`` of the data the fit validated: a plain array even when the model was fitted
        on a DataFrame, hence the feature-name warning silenced here."""
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="X does not have valid feature names")
            return float(self.gm.score(self.X))

    def install(self):
        gm = self.gm
        initialize, m_step, lower_bound = (gm._initialize_parameters, gm._m_step,
                                           gm._compute_lower_bound)

        def hooked_initialize(X, *args, **kwargs):
            result = initialize(X, *args, **kwargs)
            self.X = X
            self.runs.append({"snapshots": [], "bounds": []})
            covariances = covariances_from_precisions(gm.precisions_cholesky_, gm.covariance_type)
            self.runs[-1]["snapshots"].append(self.snapshot(covariances))
            return result

        def hooked_m_step(X, *args, **kwargs):
            if not self.runs:                  # a warm start: snapshot 0 is the previous model
                self.X = X
                self.runs.append({"snapshots": [], "bounds": []})
                self.runs[-1]["snapshots"].append(self.snapshot(gm.covariances_))
            result = m_step(X, *args, **kwargs)
            self.runs[-1]["snapshots"].append(self.snapshot(gm.covariances_))
            return result

        def hooked_lower_bound(*args, **kwargs):
            bound = lower_bound(*args, **kwargs)
            if self.runs:
                self.runs[-1]["bounds"].append(float(bound))
            return bound

        gm._initialize_parameters = hooked_initialize
        gm._m_step = hooked_m_step
        gm._compute_lower_bound = hooked_lower_bound

    def uninstall(self):
        for name in ("_initialize_parameters", "_m_step", "_compute_lower_bound"):
            self.gm.__dict__.pop(name, None)

    def kept_run(self):
        """The run whose parameters ``fit`` kept: the first with the largest final lower bound
        (the last run when max_iter is 0, where scikit-learn keeps the last initialisation)."""
        if self.gm.max_iter == 0:
            return self.runs[-1]
        best, best_bound = None, -np.inf
        for run in self.runs:
            bound = run["bounds"][-1]
            if best is None or bound > best_bound:
                best, best_bound = run, bound
        return best


def record(model, X):
    """Fits ``model`` (a scikit-learn ``GaussianMixture``) to ``X`` exactly as ``model.fit(X)``
    would, and returns every EM step as a :class:`History`.

    ``X``: N × D array-like (a pandas DataFrame works). The model is fitted in place, so it ends
    as ``fit`` leaves it. Snapshot 0 is the initial model of the initialisation that ``fit`` keeps
    (the best of ``n_init``), snapshot i the model after its i-th M-step; ``iterations`` equals
    ``model.n_iter_`` and ``converged`` ``model.converged_``. Covariances are written as full
    D × D matrices for every covariance type, and ``log_likelihood`` is ``model.score(X)`` under
    each snapshot's parameters; scikit-learn's ``lower_bound_`` is the next-to-last snapshot's,
    since its E-step bound is computed before the final M-step.
    """
    recorder = _Recorder(model)
    recorder.install()
    try:
        model.fit(X)
    finally:
        recorder.uninstall()
    run = recorder.kept_run()
    snapshots = run["snapshots"]
    n, d = np.asarray(recorder.X).shape
    data = {"format": "gmmviz.history", "version": 1, "components": int(model.n_components),
            "dimensions": int(d), "samples": int(n), "covariance_type": model.covariance_type,
            "converged": bool(model.converged_), "iterations": len(snapshots) - 1,
            "snapshots": snapshots}
    return History(data, model=model)
