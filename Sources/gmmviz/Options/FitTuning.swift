import ArgumentParser
import GMM

/// EM's stopping rule, regulariser and threads.
struct FitTuning: ParsableArguments {
    @Option(name: .customLong("max-iter"), parsing: .unconditional, help: "Maximum number of EM iterations. (default: 100)", transform: Numbers.whole)
    var maxIterations: Int = 100

    @Option(name: .customLong("tol"), parsing: .unconditional, help: "Stop when the mean log-likelihood changes by less than this; 0 runs every iteration. (default: 1e-3; select: 1e-5)", transform: Numbers.decimal)
    var tolerance: Double?

    @Option(name: .customLong("reg-covar"), parsing: .unconditional, help: "Added to every covariance's diagonal to keep it positive definite. (default: 1e-6; select, unless given: 1e-6 on the way, then each fit carried on without it to the likelihood's own maximum)", transform: Numbers.decimal)
    var regCovar: Double?

    @Option(name: .customLong("n-init"), parsing: .unconditional, help: "Number of initialisations with seeds derived from --seed; the run with the highest final log-likelihood is kept. (default: 1)", transform: Numbers.whole)
    var runs: Int = 1

    @Option(name: .long, parsing: .unconditional, help: "Worker threads (default: all cores); results are identical for any number.", transform: Numbers.whole)
    var threads: Int?

    /// `select`'s tolerance: BIC compares models at their maxima, and at 1e-3 a slowly
    /// converging fit (Old Faithful's tied K = 3 needs 20 iterations) stops a BIC point short.
    static let selectionTolerance = 1e-5

    func validate() throws {
        try ErrorMessages.validating { try options(seed: 0).validate() }
    }

    /// The EM settings, with `defaultTolerance` (scikit-learn's 1e-3 unless a command needs
    /// tighter convergence) when --tol is not given.
    func options(seed: UInt64, defaultTolerance: Double = 1e-3) -> FitOptions {
        FitOptions(maxIterations: maxIterations, tolerance: tolerance ?? defaultTolerance, regCovar: regCovar ?? FitOptions().regCovar, seed: seed,
                   runs: runs, threads: threads)
    }
}
