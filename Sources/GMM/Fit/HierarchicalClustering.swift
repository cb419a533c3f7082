import Foundation

/// Model-based agglomerative hierarchical clustering with unconstrained covariances (Fraley
/// 1998, "Algorithms for model-based Gaussian hierarchical clustering"; mclust's `hc` with
/// model "VVV"), the start mclust gives EM.
///
/// Every sample starts as its own cluster; each step merges the two clusters whose merge
/// raises the criterion least, until one cluster is left. A cluster of n samples with scatter
/// matrix W (D × D, sum of outer products of deviations from its mean) and trace t = tr W costs
///
///     n·log(β(t + α)/n)                  when n ≤ D (W is singular),
///     n·log(det(W/n) + β(t + α)/n)       otherwise,
///
/// with β = 1 and α = tr(W_all)/(N·D), the whole data's scatter trace per coordinate (mclust's
/// `alpha · traceW(data/sqrt(n·p))`): the trace term regularises the determinant of small or
/// flat clusters, so merges of a few points are ordered by distance. A singleton costs
/// log(βα). The cost of merging two clusters is the merged cluster's cost minus the two parts'.
///
/// The order of ties is mclust's: the clusters sit in slots 0..<L; the merge costs of slot
/// pairs are kept packed by (j·(j − 1)/2 + i) for i < j; the cheapest pair is the last one of
/// least cost in that order; after merging slots i < j the merged cluster takes slot i and the
/// cluster of the last slot moves into slot j. Duplicate samples, which tie exactly, therefore
/// merge in mclust's order.
///
/// Memory is N(N − 1)/2 doubles for the pair costs (the O(N²) of the method) plus O(N·D²);
/// time O(N²·D³): every pair's cost once, then after each merge the merged cluster's pairs
/// (each column's least cost is kept, so finding the next merge takes O(N), not mclust's scan
/// of every pair; a column whose least entry rose is scanned again). N is capped at
/// ``maxSamples``; ``Initialization/hierarchical`` clusters a seeded subsample of
/// ``Initialization/hierarchicalSubsample`` samples of larger data, as mclust does.
public struct HierarchicalClustering: Sendable {
    /// The largest N accepted: 20 000 samples keep the pair costs near 1.6 GB.
    public static let maxSamples = 20_000

    /// One merge: the cluster holding sample `second` joins the cluster holding sample `first`
    /// (0-based sample indices, `first < second`, each cluster named by its smallest sample).
    public struct Merge: Sendable, Equatable {
        public let first: Int
        public let second: Int
    }

    /// The N − 1 merges in order (empty for N = 1).
    public let merges: [Merge]
    /// N.
    public let samples: Int

    /// Clusters `data` (N × D) as it is; see ``transformed(_:)`` for the scaling mclust applies
    /// first.
    ///
    /// - Throws: ``FitError/tooManySamplesForHierarchy(samples:maximum:)`` when N exceeds
    ///   ``maxSamples``.
    public init(_ data: Dataset) throws {
        guard data.count <= Self.maxSamples else {
            throw FitError.tooManySamplesForHierarchy(samples: data.count, maximum: Self.maxSamples)
        }
        samples = data.count
        var agglomeration = Agglomeration(data)
        merges = agglomeration.run()
    }

    /// The partition into `clusters` groups after the first N − `clusters` merges (mclust's
    /// `hclass`): N labels in 0..<`clusters`, numbered in the order their first sample appears.
    /// `clusters` is clamped to 1...N.
    public func labels(clusters: Int) -> [Int] {
        let k = min(max(clusters, 1), samples)
        var parent = Array(0 ..< samples)
        for merge in merges.prefix(samples - k) { parent[merge.second] = merge.first }
        var label = [Int](repeating: -1, count: samples)
        var next = 0
        var result = [Int](repeating: 0, count: samples)
        for i in 0 ..< samples {
            var root = i
            while parent[root] != root { root = parent[root] }
            if label[root] < 0 { label[root] = next; next += 1 }
            result[i] = label[root]
        }
        return result
    }

    /// mclust's default scaling before clustering (`hcUse = "SVD"`): every column centred and
    /// divided by its standard deviation (N − 1 in the denominator), then rotated onto its
    /// principal axes V and each axis divided by the square root of its singular value:
    /// Z = X·V·diag(1/√dₖ), N × D' row-major. Constant columns are dropped (as mclust's
    /// `dropCols` drops their non-finite z-scores), and so are axes of zero singular value.
    public static func transformed(_ data: Dataset) -> Dataset {
        let n = data.count, d = data.dimension
        var columns = [Int]()
        var mean = [Double](repeating: 0, count: d), sd = [Double](repeating: 0, count: d)
        for j in 0 ..< d {
            var s = 0.0
            for i in 0 ..< n { s += data.values[i * d + j] }
            mean[j] = s / Double(n)
            var ss = 0.0
            for i in 0 ..< n { let x = data.values[i * d + j] - mean[j]; ss += x * x }
            sd[j] = n > 1 ? (ss / Double(n - 1)).squareRoot() : 0
            if sd[j] > 0, sd[j].isFinite { columns.append(j) }
        }
        let p = columns.count
        guard p > 0 else { return data }
        var x = [Double](repeating: 0, count: n * p)
        for i in 0 ..< n { for (c, j) in columns.enumerated() { x[i * p + c] = (data.values[i * d + j] - mean[j]) / sd[j] } }
        var gram = [Double](repeating: 0, count: p * p)
        for i in 0 ..< n {
            for a in 0 ..< p { for b in a ..< p { gram[a * p + b] += x[i * p + a] * x[i * p + b] } }
        }
        for a in 0 ..< p { for b in 0 ..< a { gram[a * p + b] = gram[b * p + a] } }
        let (values, vectors) = SymmetricEigen.decompose(gram, dimension: p)
        let largest = values.max() ?? 0
        let axes = (0 ..< p).filter { values[$0] > largest * 1e-12 }.sorted { values[$0] > values[$1] }
        var z = [Double](repeating: 0, count: n * axes.count)
        for i in 0 ..< n {
            for (c, axis) in axes.enumerated() {
                var s = 0.0
                for a in 0 ..< p { s += x[i * p + a] * vectors[a * p + axis] }
                z[i * axes.count + c] = s / values[axis].squareRoot().squareRoot()
            }
        }
        return (try? Dataset(values: z, dimension: axes.count)) ?? data
    }
}
