/// A Gaussian mixture model fitted by expectation–maximisation, exactly as scikit-learn's
/// `GaussianMixture` fits it, for its four covariance types.
///
/// ```swift
/// let data = try CSVReader.read(path: "points.csv")
/// let gmm = GaussianMixture(components: 3, covarianceType: .diag, options: FitOptions(runs: 5))
/// let result = try gmm.fit(data, initialization: .kMeans)
/// print(result.history.converged, result.history.iterations, try result.model.bic(data))
/// ```
///
/// The loop is scikit-learn's: every iteration runs an E-step at the current parameters, which
/// yields the mean log-likelihood L, then an M-step; it stops after the M-step of the first
/// iteration whose |L − L_prev| < tol, or after `maxIterations`. A final E-step gives the
/// last snapshot's log-likelihood, so every snapshot carries the score of its own parameters.
/// The covariance type only changes which M-step estimate (`CovarianceEstimation`) and which
/// log-density kernel (`ComponentFactors`) the loop calls. With ``FitOptions/runs`` > 1 the
/// loop runs from several starts and keeps the best.
public struct GaussianMixture: Sendable {
    /// K, the number of components.
    public var components: Int
    /// The covariance structure fitted (scikit-learn's `covariance_type`), default `.full`. It
    /// lives here rather than in ``FitOptions`` because it defines the model (and its number of
    /// parameters) rather than how EM runs.
    public var covarianceType: CovarianceType
    /// Stopping rule, regulariser, seed, restarts and threads.
    public var options: FitOptions

    /// The largest K a fit accepts: the responsibilities hold N × K numbers.
    public static let maxComponents = 1_000
    /// The largest D a fit accepts: each full covariance holds D × D numbers, and every
    /// snapshot of the history K of them (a 10 MB CSV line of numbers is 5 million columns).
    public static let maxDimension = 1_000

    /// Data values must stay below this magnitude, so that their squares (and sums of N of
    /// them) are finite: (1e150)² = 1e300 < 1.8e308 with room for a million samples.
    public static let largestValue = 1e150

    public init(components: Int, covarianceType: CovarianceType = .full, options: FitOptions = FitOptions()) {
        self.components = components
        self.covarianceType = covarianceType
        self.options = options
    }

    /// Checks the settings on their own, before any data is seen: K within
    /// 1...``maxComponents`` and the options (``FitOptions/validate()``). ``fit(_:initialization:)``
    /// checks them first.
    ///
    /// - Throws: ``FitError/outOfRange(_:value:allowed:)`` or
    ///   ``FitError/notFiniteNonNegative(_:value:)`` naming the first bad setting.
    public func validate() throws {
        try options.validate()
        guard (1 ... Self.maxComponents).contains(components) else {
            throw FitError.outOfRange(.components, value: components, allowed: 1 ... Self.maxComponents)
        }
    }

    /// Fits the model to `data` from `initialization` and records every step of the kept run.
    ///
    /// - Throws: ``FitError`` for invalid options, fewer samples than components, a malformed
    ///   initial model, or a covariance that stops being positive definite (in any run).
    public func fit(_ data: Dataset, initialization: Initialization) throws -> FitResult {
        try fit(data, initialization: initialization, keepingHistoryOnCollapse: false)
    }

    /// Fits the model as ``fit(_:initialization:)`` does; with `keepingHistoryOnCollapse`, a
    /// covariance that stops being positive definite after an M-step ends the fit with a
    /// ``CollapsedFit`` holding the run's history up to the last valid model, so a caller can
    /// show what led there. A start whose own covariances are invalid has no history to keep
    /// and still throws ``FitError/illDefinedCovariance(component:iteration:)``.
    ///
    /// - Throws: ``CollapsedFit`` (with `keepingHistoryOnCollapse`), otherwise ``FitError``.
    public func fit(_ data: Dataset, initialization: Initialization, keepingHistoryOnCollapse: Bool) throws -> FitResult {
        do {
            return try fitRuns(data, initialization: initialization)
        } catch let collapse as CollapsedFit where !keepingHistoryOnCollapse {
            throw collapse.error
        }
    }

    /// Every run of the fit; a collapse after an M-step throws ``CollapsedFit``.
    private func fitRuns(_ data: Dataset, initialization: Initialization) throws -> FitResult {
        let runCount = initialization.isRandom ? options.runs : 1
        let workspace = try workspace(for: data)
        func attempt(_ run: Int) throws -> (history: FitHistory, parameters: MixtureParameters) {
            try self.run(run, of: data, initialization: initialization, in: workspace)
        }
        var kept = (run: 0, fit: try attempt(0))
        var finals = [kept.fit.history.final.logLikelihood]
        for run in 1 ..< max(1, runCount) {
            let fit = try attempt(run)
            let score = fit.history.final.logLikelihood
            finals.append(score)
            if score > kept.fit.history.final.logLikelihood { kept = (run, fit) }
        }
        return FitResult(history: kept.fit.history,
                         model: try MixtureModel(kept.fit.parameters, covarianceType: covarianceType, threads: options.threads),
                         runLogLikelihoods: finals, keptRun: kept.run)
    }

    /// Checks the options and `data`, and makes the workspace every run on it shares.
    func workspace(for data: Dataset) throws -> FitWorkspace {
        try validate()
        guard data.dimension <= Self.maxDimension else {
            throw FitError.tooManyDimensions(dimension: data.dimension, maximum: Self.maxDimension)
        }
        guard data.count >= components else { throw FitError.tooFewSamples(samples: data.count, components: components) }
        // Distances, scatters and quadratic forms square the data: beyond ~1e150 they overflow,
        // which would surface later as a misleading "one distinct point" or a NaN.
        let largest = data.values.reduce(0) { max($0, abs($1)) }
        guard largest < Self.largestValue else { throw FitError.valuesTooLarge(largest: largest) }

        return FitWorkspace(data: data, components: components, covarianceType: covarianceType,
                            threads: options.threads)
    }

    /// Run `run` of a fit with restarts: EM from the start `initialization` draws with the
    /// run's seed (``SeededGenerator/seed(_:run:)`` of ``FitOptions/seed``).
    func run(_ run: Int, of data: Dataset, initialization: Initialization,
             in workspace: FitWorkspace) throws -> (history: FitHistory, parameters: MixtureParameters) {
        let seed = SeededGenerator.seed(options.seed, run: run)
        let initial = try initialization.initialParameters(components: components, covarianceType: covarianceType,
                                                           data: data, options: options, seed: seed)
        return try runEM(workspace, from: initial)
    }

    /// One EM run from `initial` in `workspace`: the history and the final parameters.
    ///
    /// Each iteration is one fused pass over the data (``ExpectationStep``) at the current
    /// parameters, which yields their log-likelihood and the sums the M-step needs, then the
    /// M-step from those sums (rarely a second pass, see ``MaximizationStep``). The data path
    /// allocates nothing; what an iteration allocates is the new parameters, which the history
    /// keeps as a snapshot.
    private func runEM(_ workspace: FitWorkspace, from initial: MixtureParameters) throws -> (FitHistory, MixtureParameters) {
        var parameters = initial
        var snapshots = [Snapshot]()
        var previous = -Double.infinity
        var converged = false
        var iteration = 0
        while true {
            do {
                try workspace.load(parameters, iteration: iteration)
            } catch let FitError.illDefinedCovariance(component, failed) where failed > 0 {
                // M-step `failed` made this covariance; snapshots 0 … failed − 1 are all valid.
                let history = FitHistory(components: components, dimensions: workspace.dimension,
                                         samples: workspace.samples, covarianceType: covarianceType,
                                         converged: false, snapshots: snapshots)
                throw CollapsedFit(component: component, iteration: failed,
                                   effectiveCount: parameters.weights[component] * Double(workspace.samples),
                                   history: history)
            }
            guard let logLikelihood = ExpectationStep.run(workspace, outputs: .init(statistics: true)) else {
                throw FitError.nonFiniteLikelihood(iteration: iteration)
            }
            snapshots.append(Snapshot(iteration: iteration, parameters: parameters, logLikelihood: logLikelihood))
            // The snapshot just recorded ends the fit when the previous iteration converged or
            // the iteration budget is spent; its E-step only measured its likelihood.
            if converged || iteration == options.maxIterations { break }
            let change = logLikelihood - previous
            previous = logLikelihood
            if let means = MaximizationStep.meansNeedingExactPass(workspace) {
                // The same factors give the same responsibilities; only the centre moves.
                workspace.takeStatistics(around: means)
                _ = ExpectationStep.run(workspace, outputs: .init(statistics: true))
            }
            parameters = MaximizationStep.run(workspace, regCovar: options.regCovar)
            iteration += 1
            if abs(change) < options.tolerance { converged = true }
        }
        let history = FitHistory(components: components, dimensions: workspace.dimension, samples: workspace.samples,
                                 covarianceType: covarianceType, converged: converged, snapshots: snapshots)
        return (history, parameters)
    }
}

/// The outcome of ``GaussianMixture/fit(_:initialization:)``.
public struct FitResult: Sendable {
    /// Snapshot 0 and one snapshot per M-step, of the kept run.
    public var history: FitHistory
    /// The fitted model (the last snapshot's parameters), ready to score and predict.
    public var model: MixtureModel
    /// The final mean log-likelihood of every run, in run order (one value unless
    /// ``FitOptions/runs`` > 1 with a random start).
    public var runLogLikelihoods: [Double]
    /// The index of the kept run in ``runLogLikelihoods``: the highest, the earliest on ties.
    public var keptRun: Int

    public init(history: FitHistory, model: MixtureModel, runLogLikelihoods: [Double], keptRun: Int) {
        self.history = history
        self.model = model
        self.runLogLikelihoods = runLogLikelihoods
        self.keptRun = keptRun
    }
}
