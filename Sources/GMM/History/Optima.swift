/// The distinct optima that several EM runs of one model on one data set ended at.
///
/// Two runs end at the same optimum when their final mean log-likelihoods agree within
/// ``logLikelihoodTolerance`` and their final means agree, coordinate by coordinate, within
/// ``meanTolerance`` of the components' standard deviations, up to a relabelling of the components
/// (EM's components carry no order, so runs from other starts find the same model under other
/// labels). The log-likelihood alone does not decide it: two different models may score alike.
/// Grouping is transitive through the first run of each group: a run joins the first group whose
/// first run it matches.
public struct Optima: Sendable, Equatable {
    /// Mean log-likelihoods closer than this are equal: 1e-6, three orders under the default
    /// stopping tolerance of 1e-3, which bounds how far a converged run's value still moves.
    public static let logLikelihoodTolerance = 1e-6
    /// Means closer than this × the larger of the two components' standard deviations along
    /// the coordinate are equal: 0.05 σ. A run stops when the log-likelihood gains less than
    /// the tolerance per iteration, so two runs converging on one optimum from different sides
    /// stop a little apart; near an optimum the log-likelihood is flat, so the means may differ
    /// by far more than the log-likelihoods do. On four blobs of σ ≈ 1.2, runs stopped by a
    /// tolerance of 1e-6 on one optimum with two overlapping blobs have log-likelihoods 5e-7
    /// apart and means 0.015 (0.013 σ) apart; two different optima move a mean by whole σ.
    public static let meanTolerance = 0.05

    /// For each run, in run order, its optimum's index: 0 for the highest log-likelihood
    /// found, 1 for the next, ….
    public var group: [Int]
    /// The number of distinct optima.
    public var count: Int
    /// The run kept by a fit with restarts: the highest final log-likelihood, the earliest on
    /// ties.
    public var best: Int

    /// Groups the final models of `runs` (each a history of the same data and K).
    public init(_ runs: [FitHistory]) {
        self.init(finals: runs.map { run in
            let p = run.final.parameters
            return (run.final.logLikelihood, p.means, p.covariances.map { c in c.indices.map { (c[$0][$0]).squareRoot() } })
        })
    }

    /// Groups runs given by their final mean log-likelihood, K means of D values each and the
    /// K × D standard deviations of the components along each coordinate (the square roots of
    /// the covariances' diagonals).
    public init(finals: [(logLikelihood: Double, means: [[Double]], spreads: [[Double]])]) {
        var leaders: [Int] = []
        var raw = [Int](repeating: 0, count: finals.count)
        for (r, run) in finals.enumerated() {
            if let g = leaders.firstIndex(where: { Self.same(finals[$0], run) }) {
                raw[r] = g
            } else {
                raw[r] = leaders.count
                leaders.append(r)
            }
        }
        // Number the optima by log-likelihood, highest first (ties keep first-found order).
        let order = leaders.indices.sorted { a, b in
            let la = finals[leaders[a]].logLikelihood, lb = finals[leaders[b]].logLikelihood
            return la != lb ? la > lb : a < b
        }
        var rank = [Int](repeating: 0, count: leaders.count)
        for (position, g) in order.enumerated() { rank[g] = position }
        group = raw.map { rank[$0] }
        count = leaders.count
        var best = 0
        for (r, run) in finals.enumerated() where run.logLikelihood > finals[best].logLikelihood { best = r }
        self.best = best
    }

    /// Whether two final models are the same optimum (see ``Optima``): equal log-likelihoods,
    /// and a one-to-one matching of the means, found greedily (each mean of `a` takes the first
    /// unused mean of `b` within tolerance; at an optimum the means are far apart compared with
    /// the tolerance, so greedy and exhaustive matching agree).
    static func same(_ a: (logLikelihood: Double, means: [[Double]], spreads: [[Double]]),
                     _ b: (logLikelihood: Double, means: [[Double]], spreads: [[Double]])) -> Bool {
        guard abs(a.logLikelihood - b.logLikelihood) <= logLikelihoodTolerance, a.means.count == b.means.count,
              a.spreads.count == a.means.count, b.spreads.count == b.means.count else { return false }
        var used = [Bool](repeating: false, count: b.means.count)
        for (k, mean) in a.means.enumerated() {
            guard let j = b.means.indices.first(where: {
                !used[$0] && close(mean, b.means[$0], spreads: a.spreads[k], b.spreads[$0])
            }) else { return false }
            used[j] = true
        }
        return true
    }

    /// Whether means `x` and `y` agree on every coordinate within ``meanTolerance`` of the
    /// larger of their components' standard deviations there.
    static func close(_ x: [Double], _ y: [Double], spreads sx: [Double], _ sy: [Double]) -> Bool {
        guard x.count == y.count, sx.count == x.count, sy.count == y.count else { return false }
        return x.indices.allSatisfy { abs(x[$0] - y[$0]) <= meanTolerance * max(sx[$0], sy[$0]) }
    }
}
