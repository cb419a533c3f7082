/// Everything one run of Lloyd's k-means did, one record per iteration: the k-means side of a
/// side-by-side comparison with EM from the same start.
///
/// `steps[0]` holds the starting centres and `steps[i]` the centres after the i-th update, so
/// `steps.count == iterations + 1`, as ``FitHistory`` holds one snapshot per M-step. Each step's
/// labels are the hard assignment to *its* centres, so iteration i assigns the samples to
/// `steps[i - 1].labels` and then moves the centres to `steps[i].centres`.
///
/// The run is scikit-learn's `KMeans(init=centres, n_init=1, algorithm="lloyd")`, with the same
/// stopping rule (see ``KMeansHistory/init(data:centres:maxIterations:tolerance:threads:)``):
/// `steps[i].centres` equals scikit-learn's `cluster_centers_` fitted with `max_iter=i`.
public struct KMeansHistory: Sendable, Equatable {
    /// K, the number of clusters.
    public var components: Int
    /// D, the dimension of the data.
    public var dimensions: Int
    /// N, the number of samples.
    public var samples: Int
    /// Whether the stopping rule fired (no label changed, or the centres moved less than the
    /// tolerance) rather than the iteration limit.
    public var converged: Bool
    /// Step 0 (the start) and one per iteration.
    public var steps: [KMeansStep]

    /// The number of iterations run (scikit-learn's `n_iter_`).
    public var iterations: Int { steps.count - 1 }

    /// The last step: the fitted centres.
    public var final: KMeansStep {
        // A history always holds step 0; the initialisers enforce it.
        steps[steps.count - 1]
    }

    public init(components: Int, dimensions: Int, samples: Int, converged: Bool, steps: [KMeansStep]) {
        precondition(!steps.isEmpty, "a history holds at least the starting step")
        self.components = components
        self.dimensions = dimensions
        self.samples = samples
        self.converged = converged
        self.steps = steps
    }
}

/// The state of k-means after one iteration.
public struct KMeansStep: Sendable, Equatable {
    /// 0 for the start, otherwise the number of centre updates run so far.
    public var iteration: Int
    /// The centres, K × D, row-major.
    public var centres: [Double]
    /// N labels in 0..<K: every sample's nearest centre among ``centres`` (ties to the lower
    /// index).
    public var labels: [Int]
    /// Σᵢ ‖xᵢ − c_labelᵢ‖², the within-cluster sum of squares under these centres and labels
    /// (scikit-learn's `inertia_`).
    public var inertia: Double

    public init(iteration: Int, centres: [Double], labels: [Int], inertia: Double) {
        self.iteration = iteration
        self.centres = centres
        self.labels = labels
        self.inertia = inertia
    }

    /// Centre `c` as D values.
    public func centre(_ c: Int, dimension d: Int) -> [Double] { Array(centres[c * d ..< (c + 1) * d]) }
}
