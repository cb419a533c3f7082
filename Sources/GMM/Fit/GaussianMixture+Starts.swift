extension GaussianMixture {
    /// Every run of a fit with `count` restarts, each a ``FitHistory``, in run order.
    ///
    /// Run r starts from `initialization` drawn with the seed ``SeededGenerator/seed(_:run:)``
    /// of ``FitOptions/seed`` and r, the seeds ``fit(_:initialization:)`` gives its restarts
    /// when ``FitOptions/runs`` = `count`, so the run with the highest final log-likelihood
    /// (the earliest on ties) is exactly the one that fit keeps.
    ///
    /// - Throws: ``FitError/outOfRange(_:value:allowed:)`` for `count` < 1, and every error of
    ///   ``fit(_:initialization:)`` (a collapse in any run ends the whole call).
    public func fitEachRun(_ data: Dataset, initialization: Initialization, count: Int) throws -> [FitHistory] {
        guard count >= 1 else { throw FitError.outOfRange(.runs, value: count, allowed: 1 ... Int.max) }
        let workspace = try workspace(for: data)
        do {
            return try (0 ..< count).map { try run($0, of: data, initialization: initialization, in: workspace).history }
        } catch let collapse as CollapsedFit {
            throw collapse.error
        }
    }
}
