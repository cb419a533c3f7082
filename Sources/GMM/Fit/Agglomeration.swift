import Foundation

/// The merge loop of ``HierarchicalClustering``: clusters in slots, packed pair costs, and the
/// cost of a cluster from its size, mean and scatter.
struct Agglomeration {
    /// One cluster: its size, mean (D), scatter matrix W (D × D row-major), trace of W, cost
    /// and name (its smallest sample index).
    private struct Cluster {
        var count: Int
        var mean: [Double]
        var scatter: [Double]
        var trace: Double
        var cost: Double
        var name: Int
    }

    private let d: Int
    private var slots: [Cluster]
    /// α·β of the cost (β = 1).
    private let alpha: Double

    init(_ data: Dataset) {
        d = data.dimension
        let n = data.count
        var total = 0.0
        for j in 0 ..< d {
            var s = 0.0
            for i in 0 ..< n { s += data.values[i * d + j] }
            let mean = s / Double(n)
            for i in 0 ..< n { let x = data.values[i * d + j] - mean; total += x * x }
        }
        // mclust: traceW(data / sqrt(n·p)), floored at the machine epsilon.
        alpha = max(total / Double(n * max(d, 1)), Double.ulpOfOne)
        let single = Foundation.log(max(total / Double(n * max(d, 1)), Double.ulpOfOne))
        let dimension = d
        slots = (0 ..< n).map { i in
            Cluster(count: 1, mean: Array(data[sample: i]), scatter: [Double](repeating: 0, count: dimension * dimension),
                    trace: 0, cost: single, name: i)
        }
    }

    /// The cost of a cluster of `n` samples with scatter `w` and trace `t` (see
    /// ``HierarchicalClustering``).
    private func cost(count n: Int, scatter w: [Double], trace t: Double) -> Double {
        let rn = Double(n)
        let spread = (t + alpha) / rn
        guard n > d else { return rn * Foundation.log(spread) }
        guard t != 0 else { return rn * Foundation.log(alpha / rn) }
        // log det(W/n) from the Cholesky factor; a singular W counts as determinant 0.
        guard let factor = Cholesky.lower(w, dimension: d) else { return rn * Foundation.log(spread) }
        var logDet = 0.0
        for k in 0 ..< d {
            let q = factor[k * d + k]
            guard q > 0 else { return rn * Foundation.log(spread) }
            logDet += Foundation.log(q)
        }
        logDet = 2 * logDet - Double(d) * Foundation.log(rn)
        let term = logDet <= 0 ? Foundation.log(Foundation.exp(logDet) + spread)
                               : Foundation.log(1 + Foundation.exp(-logDet) * spread) + logDet
        return rn * term
    }

    /// Clusters `a` and `b` as one, named by the smaller name.
    private func merged(_ a: Cluster, _ b: Cluster) -> Cluster {
        let n = a.count + b.count
        let f = Double(a.count) * Double(b.count) / Double(n)
        var diff = [Double](repeating: 0, count: d), mean = [Double](repeating: 0, count: d)
        var trace = a.trace + b.trace
        for j in 0 ..< d {
            diff[j] = a.mean[j] - b.mean[j]
            mean[j] = (Double(a.count) * a.mean[j] + Double(b.count) * b.mean[j]) / Double(n)
            trace += f * diff[j] * diff[j]
        }
        var w = [Double](repeating: 0, count: d * d)
        for r in 0 ..< d { for c in 0 ..< d { w[r * d + c] = a.scatter[r * d + c] + b.scatter[r * d + c] + f * diff[r] * diff[c] } }
        return Cluster(count: n, mean: mean, scatter: w, trace: trace, cost: cost(count: n, scatter: w, trace: trace),
                       name: min(a.name, b.name))
    }

    /// The cost of merging the clusters of slots `i` and `j`.
    private func mergeCost(_ i: Int, _ j: Int) -> Double {
        let m = merged(slots[i], slots[j])
        return m.cost - (slots[i].cost + slots[j].cost)
    }

    /// Merges until one cluster is left; the merges in order.
    mutating func run() -> [HierarchicalClustering.Merge] {
        var live = slots.count
        guard live > 1 else { return [] }
        // pair (i, j), i < j, at j·(j − 1)/2 + i
        var costs = [Double](repeating: 0, count: live * (live - 1) / 2)
        for j in 1 ..< live { for i in 0 ..< j { costs[j * (j - 1) / 2 + i] = mergeCost(i, j) } }
        var merges = [HierarchicalClustering.Merge]()
        merges.reserveCapacity(live - 1)
        while live > 1 {
            // the last pair of least cost
            var best = Double.greatestFiniteMagnitude, bi = 0, bj = 1
            var index = 0
            for j in 1 ..< live {
                for i in 0 ..< j {
                    if costs[index] <= best { best = costs[index]; bi = i; bj = j }
                    index += 1
                }
            }
            let joined = merged(slots[bi], slots[bj])
            merges.append(.init(first: min(slots[bi].name, slots[bj].name), second: max(slots[bi].name, slots[bj].name)))
            let last = live - 1
            if bj != last {
                // the last slot's cluster and its pair costs move to slot bj
                slots[bj] = slots[last]
                for a in 0 ..< bj { costs.swapAt(bj * (bj - 1) / 2 + a, last * (last - 1) / 2 + a) }
                for b in bj + 1 ..< last { costs.swapAt(b * (b - 1) / 2 + bj, last * (last - 1) / 2 + b) }
            }
            slots[bi] = joined
            slots.removeLast()
            live -= 1
            for a in 0 ..< live where a != bi {
                let (i, j) = a < bi ? (a, bi) : (bi, a)
                costs[j * (j - 1) / 2 + i] = mergeCost(i, j)
            }
        }
        return merges
    }
}
