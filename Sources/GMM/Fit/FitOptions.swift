/// How EM runs: the stopping rule, the covariance regulariser, the seed and the threads.
///
/// The defaults are scikit-learn's `GaussianMixture` defaults.
public struct FitOptions: Sendable, Equatable {
    /// Upper bound on the number of EM iterations (M-steps). Default 100.
    public var maxIterations: Int
    /// Convergence threshold on the change of the mean log-likelihood. Default 1e-3; 0 runs
    /// every iteration.
    public var tolerance: Double
    /// Non-negative regularisation added to the diagonal of every covariance. Default 1e-6.
    public var regCovar: Double
    /// Seed of the initialisations that draw random numbers. Default 0.
    public var seed: UInt64
    /// Worker threads for the E- and M-steps; `nil` uses every core. The result is
    /// bit-for-bit the same for every value.
    public var threads: Int?

    public init(maxIterations: Int = 100, tolerance: Double = 1e-3, regCovar: Double = 1e-6,
                seed: UInt64 = 0, threads: Int? = nil) {
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.regCovar = regCovar
        self.seed = seed
        self.threads = threads
    }

    /// Throws ``FitError/invalidOption(_:)`` for out-of-range values.
    public func validate() throws {
        guard maxIterations >= 0 else { throw FitError.invalidOption("--max-iter must be 0 or more, got \(maxIterations)") }
        guard tolerance >= 0, tolerance.isFinite else { throw FitError.invalidOption("--tol must be a finite number ≥ 0, got \(tolerance)") }
        guard regCovar >= 0, regCovar.isFinite else { throw FitError.invalidOption("--reg-covar must be a finite number ≥ 0, got \(regCovar)") }
        if let threads, threads < 1 { throw FitError.invalidOption("--threads must be at least 1, got \(threads)") }
    }
}
