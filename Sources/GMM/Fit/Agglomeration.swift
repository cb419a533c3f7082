import Foundation

/// The merge loop of ``HierarchicalClustering``: clusters in slots, packed pair costs with each
/// column's least entry, and the cost of a cluster from its size, mean and scatter.
///
/// Slot s holds a cluster's size `counts[s]`, mean `means[s·D ..< (s+1)·D]`, scatter matrix
/// `scatters[s·D² ..< (s+1)·D²]` (row-major), the scatter's trace, its cost and its name (the
/// smallest sample index). The cost of merging slots i < j sits at `costs[j·(j − 1)/2 + i]`;
/// `columnMin[j]` and `columnArg[j]` hold the least cost of column j and its last row, so a
/// step finds the last pair of least cost in packed order in O(L) rather than O(L²).
struct Agglomeration {
    private let d: Int
    private var live: Int
    private var counts: [Int]
    private var means: [Double]
    private var scatters: [Double]
    private var traces: [Double]
    private var clusterCosts: [Double]
    private var names: [Int]
    private var costs: [Double]
    private var columnMin: [Double]
    private var columnArg: [Int]
    /// Scratch for one candidate merge: difference of means (D), merged mean (D), merged
    /// scatter (D × D), its Cholesky factor (D × D).
    private var diff: [Double], mergedMean: [Double], mergedScatter: [Double], factor: [Double]
    /// α·β of the cost (β = 1).
    private let alpha: Double

    init(_ data: Dataset) {
        let d = data.dimension, n = data.count
        self.d = d
        live = n
        var total = 0.0
        for j in 0 ..< d {
            var s = 0.0
            for i in 0 ..< n { s += data.values[i * d + j] }
            let mean = s / Double(n)
            for i in 0 ..< n { let x = data.values[i * d + j] - mean; total += x * x }
        }
        // mclust: traceW(data / sqrt(n·p)), floored at the machine epsilon.
        let alpha = max(total / Double(n * max(d, 1)), Double.ulpOfOne)
        self.alpha = alpha
        counts = [Int](repeating: 1, count: n)
        means = data.values
        scatters = [Double](repeating: 0, count: n * d * d)
        traces = [Double](repeating: 0, count: n)
        clusterCosts = [Double](repeating: Foundation.log(alpha), count: n)
        names = Array(0 ..< n)
        costs = [Double](repeating: 0, count: n * max(n - 1, 0) / 2)
        columnMin = [Double](repeating: .infinity, count: n)
        columnArg = [Int](repeating: 0, count: n)
        diff = [Double](repeating: 0, count: d)
        mergedMean = diff
        mergedScatter = [Double](repeating: 0, count: d * d)
        factor = mergedScatter
    }

    /// The cost of a cluster of `n` samples whose scatter is in `mergedScatter`, with trace `t`
    /// (see ``HierarchicalClustering``).
    private mutating func mergedCost(count n: Int, trace t: Double) -> Double {
        let rn = Double(n)
        let spread = (t + alpha) / rn
        // two singletons always by the trace, as mclust merges them (it matters only for D = 1)
        guard n > d, n > 2 else { return rn * Foundation.log(spread) }
        guard t != 0 else { return rn * Foundation.log(alpha / rn) }
        // log det(W/n) from the Cholesky factor; a singular W counts as determinant 0.
        let d = d
        let positive = mergedScatter.withUnsafeBufferPointer { w in
            factor.withUnsafeMutableBufferPointer { l in
                guard let lp = l.baseAddress, let wp = w.baseAddress else { return false }
                return Cholesky.factor(dimension: d, into: lp) { wp[$0 * d + $1] }
            }
        }
        guard positive else { return rn * Foundation.log(spread) }
        var logDet = 0.0
        for k in 0 ..< d { logDet += Foundation.log(factor[k * d + k]) }
        logDet = 2 * logDet - Double(d) * Foundation.log(rn)
        let term = logDet <= 0 ? Foundation.log(Foundation.exp(logDet) + spread)
                               : Foundation.log(1 + Foundation.exp(-logDet) * spread) + logDet
        return rn * term
    }

    /// Fills the scratch with the merge of slots `a` and `b` and returns its size, trace and cost.
    private mutating func merge(_ a: Int, _ b: Int) -> (count: Int, trace: Double, cost: Double) {
        let na = counts[a], nb = counts[b], n = na + nb
        let f = Double(na) * Double(nb) / Double(n)
        var trace = traces[a] + traces[b]
        for j in 0 ..< d {
            diff[j] = means[a * d + j] - means[b * d + j]
            mergedMean[j] = (Double(na) * means[a * d + j] + Double(nb) * means[b * d + j]) / Double(n)
            trace += f * diff[j] * diff[j]
        }
        let dd = d * d
        for r in 0 ..< d {
            for c in 0 ..< d {
                mergedScatter[r * d + c] = scatters[a * dd + r * d + c] + scatters[b * dd + r * d + c] + f * diff[r] * diff[c]
            }
        }
        return (n, trace, mergedCost(count: n, trace: trace))
    }

    /// The cost of merging slots `i` and `j`: the merged cluster's cost minus the parts'.
    private mutating func mergeCost(_ i: Int, _ j: Int) -> Double {
        let m = merge(i, j)
        return m.cost - (clusterCosts[i] + clusterCosts[j])
    }

    @inline(__always) private func index(_ i: Int, _ j: Int) -> Int { j * (j - 1) / 2 + i }

    /// Recomputes column j's least cost and its last row.
    private mutating func rescan(_ j: Int) {
        var best = Double.infinity, arg = 0
        let base = j * (j - 1) / 2
        for i in 0 ..< j where costs[base + i] <= best { best = costs[base + i]; arg = i }
        columnMin[j] = best
        columnArg[j] = arg
    }

    /// Entry (`row`, j) of column j changed: keeps the column's least cost and last row.
    private mutating func changed(row: Int, column j: Int) {
        let value = costs[index(row, j)]
        if value < columnMin[j] || (value == columnMin[j] && row > columnArg[j]) {
            columnMin[j] = value
            columnArg[j] = row
        }
    }

    /// Merges until one cluster is left; the merges in order.
    mutating func run() -> [HierarchicalClustering.Merge] {
        guard live > 1 else { return [] }
        for j in 1 ..< live {
            for i in 0 ..< j { costs[index(i, j)] = mergeCost(i, j) }
            rescan(j)
        }
        var merges = [HierarchicalClustering.Merge]()
        merges.reserveCapacity(live - 1)
        let dd = d * d
        while live > 1 {
            // the last pair of least cost in packed order: the last column of least minimum
            var best = Double.infinity, bj = 1
            for j in 1 ..< live where columnMin[j] <= best { best = columnMin[j]; bj = j }
            let bi = columnArg[bj]
            let name = min(names[bi], names[bj])
            merges.append(.init(first: name, second: max(names[bi], names[bj])))
            let joined = merge(bi, bj)
            let last = live - 1
            if bj != last {
                // the last slot's cluster and its pair costs move to slot bj
                counts[bj] = counts[last]
                for j in 0 ..< d { means[bj * d + j] = means[last * d + j] }
                for j in 0 ..< dd { scatters[bj * dd + j] = scatters[last * dd + j] }
                traces[bj] = traces[last]
                clusterCosts[bj] = clusterCosts[last]
                names[bj] = names[last]
                for a in 0 ..< bj { costs.swapAt(index(a, bj), index(a, last)) }
                for b in bj + 1 ..< last { costs.swapAt(index(bj, b), index(b, last)) }
            }
            counts[bi] = joined.count
            for j in 0 ..< d { means[bi * d + j] = mergedMean[j] }
            for j in 0 ..< dd { scatters[bi * dd + j] = mergedScatter[j] }
            traces[bi] = joined.trace
            clusterCosts[bi] = joined.cost
            names[bi] = name
            live -= 1
            for a in 0 ..< live where a != bi {
                let (i, j) = a < bi ? (a, bi) : (bi, a)
                costs[index(i, j)] = mergeCost(i, j)
            }
            // Column minima: bi's and bj's columns are new; a later column changed in row bi
            // and, when the last slot moved into bj, in row bj.
            if bi > 0 { rescan(bi) }
            if bj < live { rescan(bj) }
            for b in bi + 1 ..< live where b != bj {
                let arg = columnArg[b]
                if arg == bi || (b > bj && bj < live && arg == bj) {
                    rescan(b)
                } else {
                    changed(row: bi, column: b)
                    if b > bj, bj < live { changed(row: bj, column: b) }
                }
            }
        }
        return merges
    }
}
