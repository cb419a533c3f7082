/// A Gaussian mixture model fitted by expectation–maximisation, exactly as scikit-learn's
/// `GaussianMixture(covariance_type="full")` fits it.
///
/// ```swift
/// let data = try CSVReader.read(path: "points.csv")
/// let gmm = GaussianMixture(components: 3, options: FitOptions(tolerance: 1e-4))
/// let result = try gmm.fit(data, initialization: .kMeansPlusPlus)
/// print(result.history.converged, result.history.iterations, result.model.score(data))
/// ```
///
/// The loop is scikit-learn's: every iteration runs an E-step at the current parameters, which
/// yields the mean log-likelihood L, then an M-step; it stops after the M-step of the first
/// iteration whose |L − L_prev| < tol, or after `maxIterations`. A final E-step gives the
/// last snapshot's log-likelihood, so every snapshot carries the score of its own parameters.
public struct GaussianMixture: Sendable {
    /// K, the number of components.
    public var components: Int
    /// Stopping rule, regulariser, seed and threads.
    public var options: FitOptions

    public init(components: Int, options: FitOptions = FitOptions()) {
        self.components = components
        self.options = options
    }

    /// Fits the model to `data` from `initialization` and records every step.
    ///
    /// - Throws: ``FitError`` for invalid options, fewer samples than components, a malformed
    ///   initial model, or a covariance that stops being positive definite.
    public func fit(_ data: Dataset, initialization: Initialization) throws -> FitResult {
        try options.validate()
        guard components >= 1 else { throw FitError.invalidOption("-k/--components must be at least 1, got \(components)") }
        guard data.count >= components else { throw FitError.tooFewSamples(samples: data.count, components: components) }

        let initial = try initialization.initialParameters(components: components, data: data, options: options)
        let k = components
        let work = ChunkedWork(samples: data.count, threads: options.threads)
        var responsibilities = [Double](repeating: 0, count: data.count * k)

        var parameters = initial
        var snapshots = [Snapshot]()
        var previous = -Double.infinity
        var converged = false
        var iteration = 0
        while true {
            let factors = try ComponentFactors(parameters, iteration: iteration)
            let summary = responsibilities.withUnsafeMutableBufferPointer {
                ExpectationStep.run(data: data, factors: factors, work: work, responsibilities: $0.baseAddress)
            }
            guard let summary else { throw FitError.nonFiniteLikelihood(iteration: iteration) }
            snapshots.append(Snapshot(iteration: iteration, parameters: parameters, logLikelihood: summary.meanLogLikelihood))
            // The snapshot just recorded ends the fit when the previous iteration converged or
            // the iteration budget is spent; its E-step only measured its likelihood.
            if converged || iteration == options.maxIterations { break }
            let change = summary.meanLogLikelihood - previous
            previous = summary.meanLogLikelihood
            parameters = responsibilities.withUnsafeBufferPointer {
                MaximizationStep.run(data: data, responsibilities: $0, summary: summary, components: k,
                                     regCovar: options.regCovar, work: work)
            }
            iteration += 1
            if abs(change) < options.tolerance { converged = true }
        }
        let history = FitHistory(components: k, dimensions: data.dimension, samples: data.count,
                                 converged: converged, snapshots: snapshots)
        return FitResult(history: history, model: try MixtureModel(parameters, threads: options.threads))
    }
}

/// The outcome of ``GaussianMixture/fit(_:initialization:)``.
public struct FitResult: Sendable {
    /// Snapshot 0 and one snapshot per M-step.
    public var history: FitHistory
    /// The fitted model (the last snapshot's parameters), ready to score and predict.
    public var model: MixtureModel
}
