import Foundation

/// The models with one orientation D shared by components of varying shape: EVE (Σₖ = λ D Aₖ Dᵀ)
/// and VVE (Σₖ = λₖ D Aₖ Dᵀ), fitted as mclust fits them, by the majorisation–minimisation
/// steps of Browne & McNicholas (2014, "Estimating common principal components in high
/// dimensions") for D, alternated with the closed-form shapes and volumes.
///
/// With ωₖ the largest eigenvalue of Wₖ, one iteration takes
/// - MM 1: F = Σₖ (Aₖ⁻¹ Dᵀ Wₖ − ωₖ Aₖ⁻¹ Dᵀ), and Dᵀ ← P Rᵀ for F = P B Rᵀ (its polar factor);
/// - MM 2: F = Σₖ (Wₖ D Aₖ⁻¹ − αₖ Wₖ D) with αₖ = maxⱼ 1 / Aₖⱼ, and D ← P Rᵀ for F = P B Rᵀ;
/// - the shapes from gₖ = diag(Dᵀ Wₖ D): EVE Aₖ = gₖ / |gₖ|^{1/D}; VVE λₖ = |gₖ / Nₖ|^{1/D},
///   Aₖ = gₖ / (Nₖ λₖ);
/// and stops when the objective Σₖ tr(Dᵀ Wₖ D Aₖ⁻¹) changes by no more than ``innerTolerance``
/// relative (|new − old| / (1 + |new|)), or after ``innerIterationLimit`` iterations
/// (``resumedIterationLimit`` from the previous model). EVE's volume is then
/// λ = objective / (N·D).
///
/// The problem in D is not convex, so where the iteration starts matters: mclust starts from
/// D = I, Aₖ = I at its first M-step and from the previous M-step's D and Aₖ after that. The
/// `start` covariances, when given, are that previous model: D is read back from it as the
/// eigenvectors of Σₖ Σₖ (= D (Σₖ λₖ Aₖ) Dᵀ) and Aₖ as diag(Dᵀ Σₖ D) scaled to determinant 1.
extension ConstrainedCovariance {
    /// EVE: Σₖ = λ·D Aₖ Dᵀ.
    static func eve(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _ start: [[[Double]]]?) -> [[[Double]]] {
        commonOrientation(scatter, nk, regCovar, start, equalVolume: true)
    }

    /// VVE: Σₖ = λₖ·D Aₖ Dᵀ.
    static func vve(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _ start: [[[Double]]]?) -> [[[Double]]] {
        commonOrientation(scatter, nk, regCovar, start, equalVolume: false)
    }

    private static func commonOrientation(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double,
                                          _ start: [[[Double]]]?, equalVolume: Bool) -> [[[Double]]] {
        let k = scatter.components, d = scatter.dimension
        let scatters = (0 ..< k).map { scatterMatrix(scatter, $0, nk[$0], regCovar) }
        var omega = [Double]()
        for m in scatters {
            let values = SymmetricEigen.decreasing(m, dimension: d).values
            // mclust refuses a scatter with an eigenvalue below √ε.
            guard let last = values.last, last >= innerTolerance, let first = values.first else {
                return undefined(components: k, dimension: d)
            }
            omega.append(first)
        }
        let (o0, shape0) = startingPoint(start, components: k, dimension: d)
        let limit = start == nil ? innerIterationLimit : resumedIterationLimit
        var inner = OrientationIteration(scatters: scatters, orientation: o0, shapes: shape0, dimension: d)
        guard let objective = inner.iterate(omega: omega, nk: nk, equalVolume: equalVolume, limit: limit) else {
            return undefined(components: k, dimension: d)
        }
        let o = inner.orientation, shape = inner.shapes
        if equalVolume {
            let common = objective / (nk.reduce(0, +) * Double(d))
            return shape.map { compose(volume: common, orientation: o, shape: $0, dimension: d) }
        }
        let volume = inner.volumes
        return (0 ..< k).map { compose(volume: volume[$0], orientation: o, shape: shape[$0], dimension: d) }
    }

    /// D (D × D row-major, axis m in column m) and the K shapes the iteration starts from: the
    /// identity without `start`, otherwise read back from the previous model (see above).
    private static func startingPoint(_ start: [[[Double]]]?, components k: Int, dimension d: Int)
        -> (orientation: [Double], shapes: [[Double]]) {
        var identity = [Double](repeating: 0, count: d * d)
        for i in 0 ..< d { identity[i * d + i] = 1 }
        let ones = [[Double]](repeating: [Double](repeating: 1, count: d), count: k)
        guard let start, start.count == k else { return (identity, ones) }
        var sum = [Double](repeating: 0, count: d * d)
        for m in start { for i in 0 ..< d { for j in 0 ..< d { sum[i * d + j] += m[i][j] } } }
        let o = SymmetricEigen.decreasing(sum, dimension: d).vectors
        var shapes = [[Double]]()
        for m in start {
            var g = [Double](repeating: 0, count: d)
            for j in 0 ..< d {
                for a in 0 ..< d { for b in 0 ..< d { g[j] += o[a * d + j] * m[a][b] * o[b * d + j] } }
            }
            let gm = exp(logGeometricMean(g))
            let a = g.map { $0 / gm }
            guard a.allSatisfy({ $0 > 0 && $0.isFinite }) else { return (identity, ones) }
            shapes.append(a)
        }
        return (o, shapes)
    }
}
