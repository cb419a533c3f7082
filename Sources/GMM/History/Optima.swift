/// The distinct optima that several EM runs of one model on one data set ended at.
///
/// Two runs end at the same optimum when their final mean log-likelihoods agree within
/// ``logLikelihoodTolerance`` and their final means agree, coordinate by coordinate, within
/// ``meanTolerance`` relative to the coordinate's size, up to a relabelling of the components
/// (EM's components carry no order, so runs from other starts find the same model under other
/// labels). The log-likelihood alone does not decide it: two different models may score alike.
/// Grouping is transitive through the first run of each group: a run joins the first group whose
/// first run it matches.
public struct Optima: Sendable, Equatable {
    /// Mean log-likelihoods closer than this are equal: 1e-6, three orders under the default
    /// stopping tolerance of 1e-3, which bounds how far a converged run's value still moves.
    public static let logLikelihoodTolerance = 1e-6
    /// Means closer than this × (1 + |coordinate|) are equal: 1e-3. A run stops when the
    /// log-likelihood gains less than the tolerance per iteration, so two runs converging on one
    /// optimum from different sides stop a little apart; at an optimum the log-likelihood is flat,
    /// so the means may differ by far more than the log-likelihoods do.
    public static let meanTolerance = 1e-3

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
        self.init(finals: runs.map { ($0.final.logLikelihood, $0.final.parameters.means) })
    }

    /// Groups runs given by their final mean log-likelihood and K means of D values each.
    public init(finals: [(logLikelihood: Double, means: [[Double]])]) {
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
    static func same(_ a: (logLikelihood: Double, means: [[Double]]), _ b: (logLikelihood: Double, means: [[Double]])) -> Bool {
        guard abs(a.logLikelihood - b.logLikelihood) <= logLikelihoodTolerance, a.means.count == b.means.count else { return false }
        var used = [Bool](repeating: false, count: b.means.count)
        for mean in a.means {
            guard let j = b.means.indices.first(where: { !used[$0] && close(mean, b.means[$0]) }) else { return false }
            used[j] = true
        }
        return true
    }

    static func close(_ x: [Double], _ y: [Double]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { abs($0 - $1) <= meanTolerance * (1 + max(abs($0), abs($1))) }
    }
}
