/// The M-step's covariance estimates, one function per ``CovarianceType`` with one signature —
/// scikit-learn's `_estimate_gaussian_covariances_{full,tied,diag,spherical}`.
///
/// Every function maps the weighted scatters Sₖ = Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ and the
/// responsibility sums Nₖ (K values, each with scikit-learn's 10·ε floor) to K full D × D
/// matrices (K × D × D), with reg_covar added to every variance:
///
/// - full: Σₖ = Sₖ / Nₖ + reg·I.
/// - tied: Σ = (Σₖ Sₖ) / Σₖ Nₖ + reg·I, repeated K times. (scikit-learn writes the numerator
///   as XᵀX − Σₖ Nₖ μₖ μₖᵀ, which equals Σₖ Sₖ because every row of r sums to 1.)
/// - diag: Σₖ = diag(Sₖⱼⱼ / Nₖ + reg).
/// - spherical: Σₖ = σₖ²·I with σₖ² = (1/D) Σⱼ (Sₖⱼⱼ / Nₖ + reg), the mean of the diag variances.
enum CovarianceEstimation {
    typealias Estimator = (_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double) -> [[[Double]]]

    /// The estimator of `type`.
    static func estimator(for type: CovarianceType) -> Estimator {
        switch type {
        case .full: return full
        case .tied: return tied
        case .diag: return diag
        case .spherical: return spherical
        }
    }

    /// Whether `type` needs only the diagonal of the scatters (cheaper to accumulate).
    static func needsDiagonalOnly(_ type: CovarianceType) -> Bool {
        type == .diag || type == .spherical
    }

    static func full(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double) -> [[[Double]]] {
        let k = scatter.components, d = scatter.dimension, tri = scatter.stride
        var covariances = [[[Double]]]()
        covariances.reserveCapacity(k)
        for c in 0 ..< k {
            var cov = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            var idx = 0
            for j in 0 ..< d {
                for t in j ..< d {
                    let v = scatter.values[c * tri + idx] / nk[c]
                    cov[j][t] = v
                    cov[t][j] = v
                    idx += 1
                }
                cov[j][j] += regCovar
            }
            covariances.append(cov)
        }
        return covariances
    }

    static func tied(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double) -> [[[Double]]] {
        let k = scatter.components, d = scatter.dimension
        var total = 0.0
        for v in nk { total += v }
        var cov = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for j in 0 ..< d {
            for t in j ..< d {
                var s = 0.0
                for c in 0 ..< k { s += scatter.triangle(c, j, t) }
                let v = s / total
                cov[j][t] = v
                cov[t][j] = v
            }
            cov[j][j] += regCovar
        }
        return Array(repeating: cov, count: k)
    }

    static func diag(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double) -> [[[Double]]] {
        let d = scatter.dimension
        return (0 ..< scatter.components).map { c in
            var cov = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            for j in 0 ..< d { cov[j][j] = scatter.diagonal(c, j) / nk[c] + regCovar }
            return cov
        }
    }

    static func spherical(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double) -> [[[Double]]] {
        let d = scatter.dimension
        return (0 ..< scatter.components).map { c in
            var s = 0.0
            for j in 0 ..< d { s += scatter.diagonal(c, j) / nk[c] + regCovar }
            let variance = s / Double(d)
            var cov = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            for j in 0 ..< d { cov[j][j] = variance }
            return cov
        }
    }
}
