/// How EM runs: the stopping rule, the covariance regulariser, the seed, the restarts and the
/// threads. (What is fitted — K and the covariance type — belongs to ``GaussianMixture``.)
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
    /// Number of initialisations (scikit-learn's `n_init`), default 1. Run r starts from
    /// ``SeededGenerator/seed(_:run:)`` (run 0 from `seed` itself, so `runs: 5` includes the
    /// `runs: 1` fit), and the run with the highest final mean log-likelihood is kept (ties to
    /// the earlier run). Deterministic starts (``Initialization/parameters(_:)``,
    /// ``Initialization/means(_:)``) run once whatever this is: every restart would repeat them.
    public var runs: Int
    /// Worker threads for the E- and M-steps; `nil` uses every core. The result is
    /// bit-for-bit the same for every value.
    public var threads: Int?

    public init(maxIterations: Int = 100, tolerance: Double = 1e-3, regCovar: Double = 1e-6,
                seed: UInt64 = 0, runs: Int = 1, threads: Int? = nil) {
        self.runs = runs
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.regCovar = regCovar
        self.seed = seed
        self.threads = threads
    }

    /// The most iterations a fit may run: the history keeps a snapshot of every one, so this
    /// bounds its memory (100,000 snapshots of K = 3, D = 2 are about 50 MB).
    public static let maxIterationsLimit = 100_000

    /// The most restarts a fit may run.
    public static let maxRuns = 1000

    /// The most worker threads: far more than any machine's cores, few enough that per-worker
    /// state (scratch blocks, a renderer's frames in flight) stays small.
    public static let maxThreads = 1024

    /// - Throws: ``FitError/outOfRange(_:value:allowed:)`` or
    ///   ``FitError/notFiniteNonNegative(_:value:)`` naming the first bad setting.
    public func validate() throws {
        guard (0 ... Self.maxIterationsLimit).contains(maxIterations) else {
            throw FitError.outOfRange(.maxIterations, value: maxIterations, allowed: 0 ... Self.maxIterationsLimit)
        }
        guard tolerance >= 0, tolerance.isFinite else { throw FitError.notFiniteNonNegative(.tolerance, value: tolerance) }
        guard regCovar >= 0, regCovar.isFinite else { throw FitError.notFiniteNonNegative(.regCovar, value: regCovar) }
        guard (1 ... Self.maxRuns).contains(runs) else { throw FitError.outOfRange(.runs, value: runs, allowed: 1 ... Self.maxRuns) }
        if let threads, !(1 ... Self.maxThreads).contains(threads) {
            throw FitError.outOfRange(.threads, value: threads, allowed: 1 ... Self.maxThreads)
        }
    }
}
