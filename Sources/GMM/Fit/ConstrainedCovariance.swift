import Foundation

/// The M-step's covariance estimates for mclust's models beyond scikit-learn's four, after
/// Celeux & Govaert (1995), "Gaussian parsimonious clustering models", as mclust computes them.
///
/// Each function has ``CovarianceEstimation``'s signature: it maps the weighted scatters Wₖ =
/// Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ (``WeightedScatter``) and the responsibility sums Nₖ (K values,
/// N = Σₖ Nₖ) to K full D × D matrices Σₖ = λₖ Dₖ Aₖ Dₖᵀ with the model's constraints. The
/// closed forms are here; the models without one iterate (``ConstrainedCovariance`` extensions).
///
/// reg_covar: every function works from Wₖ + reg·Nₖ·I, the scatter of an empirical covariance
/// Wₖ / Nₖ + reg·I — what scikit-learn regularises — so the estimate keeps the model's structure
/// (adding reg·I to the constrained Σₖ afterwards would break proportionality, equal volumes,
/// equal shapes). For scikit-learn's four types this is the same regulariser as theirs. mclust
/// itself uses none; at the maximum the likelihood is flat in Σ, so reg = 1e-6 moves it by
/// O(reg²) and the BIC comparisons with mclust are unaffected.
///
/// A degenerate scatter (a zero eigenvalue, a non-finite sum) gives NaN matrices, which the
/// next E-step's factorisation reports as an ill-defined covariance, as for the other types.
enum ConstrainedCovariance {
    /// The inner iterations' stopping rule, mclust's `emControl()$tol[2]` = √ε ≈ 1.49e-8: stop
    /// when the relative change of the iterated quantities (volumes and shape for VEI and VEV,
    /// the objective for VEE, EVE and VVE) falls below it.
    static let innerTolerance = Double.ulpOfOne.squareRoot()
    /// The inner iterations' cap (mclust sets none). An M-step takes tens of inner iterations
    /// (on iris and Old Faithful at most 129, for EVE's and VVE's first M-step from the
    /// identity), but EVE's and VVE's orientation steps crawl when a component's scatter is
    /// nearly singular (a handful of points in D dimensions, kept positive definite only by
    /// reg_covar), and there the cap bounds the work. Stopping early is safe: every inner step
    /// lowers the M-step's objective from where it started, so EM stays a generalised EM whose
    /// likelihood never decreases.
    static let innerIterationLimit = 1_000
    /// EVE's and VVE's cap when they resume from the previous model, which leaves them a few
    /// tens of steps from the M-step's optimum (at most 39 on iris and Old Faithful): a stalled
    /// orientation then costs a tenth of the work per EM iteration, and carries on at the next.
    static let resumedIterationLimit = 100

    // MARK: Closed forms

    /// EII: σ² = Σₖ tr(Wₖ) / (N·D), σ²·I for every component.
    static func eii(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _: [[[Double]]]?) -> [[[Double]]] {
        let d = scatter.dimension
        var sum = 0.0, total = 0.0
        for c in 0 ..< scatter.components {
            total += nk[c]
            for j in 0 ..< d { sum += scatter.diagonal(c, j) + regCovar * nk[c] }
        }
        let variance = sum / (total * Double(d))
        return Array(repeating: diagonalMatrix([Double](repeating: variance, count: d)), count: scatter.components)
    }

    /// EEI: B = diag(Σₖ Wₖ) / N, the same diagonal matrix for every component.
    static func eei(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _: [[[Double]]]?) -> [[[Double]]] {
        let d = scatter.dimension
        var sums = [Double](repeating: 0, count: d), total = 0.0
        for c in 0 ..< scatter.components {
            total += nk[c]
            for j in 0 ..< d { sums[j] += scatter.diagonal(c, j) + regCovar * nk[c] }
        }
        return Array(repeating: diagonalMatrix(sums.map { $0 / total }), count: scatter.components)
    }

    /// EVI: with gₖ = |diag Wₖ|^{1/D}, Aₖ = diag(Wₖ) / gₖ and λ = Σₖ gₖ / N, so
    /// Σₖ = λ·diag(Wₖ) / gₖ.
    static func evi(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _: [[[Double]]]?) -> [[[Double]]] {
        let k = scatter.components
        let diagonals = (0 ..< k).map { diagonalScatter(scatter, $0, nk[$0], regCovar) }
        let g = diagonals.map { exp(logGeometricMean($0)) }
        let volume = g.reduce(0, +) / nk.reduce(0, +)
        return (0 ..< k).map { c in diagonalMatrix(diagonals[c].map { volume * $0 / g[c] }) }
    }

    /// EEV: with Wₖ = Lₖ Ωₖ Lₖᵀ (eigenvalues in decreasing order) and S = Σₖ Ωₖ, A = S / |S|^{1/D},
    /// λ = |S|^{1/D} / N and Dₖ = Lₖ, so Σₖ = Lₖ (S / N) Lₖᵀ.
    static func eev(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _: [[[Double]]]?) -> [[[Double]]] {
        let k = scatter.components, d = scatter.dimension
        let eigen = (0 ..< k).map { SymmetricEigen.decreasing(scatterMatrix(scatter, $0, nk[$0], regCovar), dimension: d) }
        let total = nk.reduce(0, +)
        var shape = [Double](repeating: 0, count: d)
        for e in eigen { for j in 0 ..< d { shape[j] += e.values[j] } }
        let g = exp(logGeometricMean(shape))
        let a = shape.map { $0 / g }, volume = g / total
        return eigen.map { compose(volume: volume, orientation: $0.vectors, shape: a, dimension: d) }
    }

    /// EVV: with gₖ = |Wₖ|^{1/D}, Cₖ = Wₖ / gₖ and λ = Σₖ gₖ / N, so Σₖ = λ·Wₖ / gₖ.
    static func evv(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _: [[[Double]]]?) -> [[[Double]]] {
        let k = scatter.components, d = scatter.dimension
        let w = (0 ..< k).map { scatterMatrix(scatter, $0, nk[$0], regCovar) }
        let g = w.map { m -> Double in
            guard let l = Cholesky.lower(m, dimension: d) else { return .nan }
            var logDet = 0.0
            for j in 0 ..< d { logDet += 2 * log(l[j * d + j]) }
            return exp(logDet / Double(d))
        }
        let volume = g.reduce(0, +) / nk.reduce(0, +)
        return (0 ..< k).map { c in nested(w[c].map { volume * $0 / g[c] }, dimension: d) }
    }

    // MARK: Helpers

    /// Wₖ + reg·Nₖ·I, D × D row-major.
    static func scatterMatrix(_ scatter: WeightedScatter, _ c: Int, _ n: Double, _ regCovar: Double) -> [Double] {
        let d = scatter.dimension
        var m = [Double](repeating: 0, count: d * d)
        for j in 0 ..< d {
            for t in j ..< d {
                let v = scatter.triangle(c, j, t)
                m[j * d + t] = v
                m[t * d + j] = v
            }
            m[j * d + j] += regCovar * n
        }
        return m
    }

    /// The diagonal of Wₖ + reg·Nₖ·I (D).
    static func diagonalScatter(_ scatter: WeightedScatter, _ c: Int, _ n: Double, _ regCovar: Double) -> [Double] {
        (0 ..< scatter.dimension).map { scatter.diagonal(c, $0) + regCovar * n }
    }

    /// (1/D) Σⱼ log vⱼ, the log of the geometric mean (NaN when some vⱼ ≤ 0).
    static func logGeometricMean(_ v: [Double]) -> Double {
        var s = 0.0
        for x in v { s += x > 0 ? log(x) : .nan }
        return s / Double(v.count)
    }

    /// λ·D diag(a) Dᵀ for the D × D row-major orientation D (axis m in column m), exactly
    /// symmetric: each entry below the diagonal is a copy of the one above.
    static func compose(volume: Double, orientation o: [Double], shape a: [Double], dimension d: Int) -> [[Double]] {
        var m = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for i in 0 ..< d {
            for j in i ..< d {
                var s = 0.0
                for t in 0 ..< d { s += o[i * d + t] * a[t] * o[j * d + t] }
                m[i][j] = volume * s
                m[j][i] = m[i][j]
            }
        }
        return m
    }

    /// The D × D row-major `flat` as nested rows.
    static func nested(_ flat: [Double], dimension d: Int) -> [[Double]] {
        (0 ..< d).map { Array(flat[($0 * d) ..< (($0 + 1) * d)]) }
    }

    /// diag(v) as nested rows.
    static func diagonalMatrix(_ v: [Double]) -> [[Double]] {
        let d = v.count
        return (0 ..< d).map { row in (0 ..< d).map { row == $0 ? v[row] : 0 } }
    }

    /// K matrices of NaN: an estimate that does not exist, which the next factorisation rejects.
    static func undefined(components k: Int, dimension d: Int) -> [[[Double]]] {
        Array(repeating: Array(repeating: [Double](repeating: .nan, count: d), count: d), count: k)
    }
}
