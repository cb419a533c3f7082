/// Everything a fit did, one snapshot per EM step.
///
/// `snapshots[0]` is the initial model and `snapshots[i]` the model after the i-th M-step, so
/// `snapshots.count == iterations + 1`. The JSON form is documented in `docs/history-schema.md`.
public struct FitHistory: Sendable, Equatable {
    /// K, the number of components.
    public var components: Int
    /// D, the dimension of the data.
    public var dimensions: Int
    /// N, the number of samples fitted.
    public var samples: Int
    /// The covariance type of the fit (written in JSON as its raw value, `"full"`, `"tied"`,
    /// `"diag"` or `"spherical"`). The covariances are full D × D matrices whatever it is.
    public var covarianceType: CovarianceType
    /// Whether the stopping rule |L − L_prev| < tol fired before `maxIterations`.
    public var converged: Bool
    /// Snapshot 0 (initial parameters) and one per M-step.
    public var snapshots: [Snapshot]

    /// The number of M-steps run (scikit-learn's `n_iter_`).
    public var iterations: Int { snapshots.count - 1 }

    /// The last snapshot: the fitted model.
    public var final: Snapshot {
        // A history always holds snapshot 0; the initialiser enforces it.
        snapshots[snapshots.count - 1]
    }

    public init(components: Int, dimensions: Int, samples: Int, covarianceType: CovarianceType = .full,
                converged: Bool, snapshots: [Snapshot]) {
        precondition(!snapshots.isEmpty, "a history holds at least the initial snapshot")
        self.components = components
        self.dimensions = dimensions
        self.samples = samples
        self.covarianceType = covarianceType
        self.converged = converged
        self.snapshots = snapshots
    }
}
