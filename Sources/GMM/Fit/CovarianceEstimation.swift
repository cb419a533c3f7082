/// The M-step's covariance estimates, one function per ``CovarianceType`` with one signature —
/// scikit-learn's `_estimate_gaussian_covariances_{full,tied,diag,spherical}` here, mclust's
/// other ten models in ``ConstrainedCovariance``.
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
///
/// `start`, the K × D × D covariances of the model whose E-step gave the scatters, is where an
/// estimate without a closed form may begin its iteration (EVE and VVE use it, see
/// ``ConstrainedCovariance``); `nil` at a start from labels or responsibilities.
enum CovarianceEstimation {
    typealias Estimator = (_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double,
                           _ start: [[[Double]]]?) -> [[[Double]]]

    /// The estimator of `type`.
    static func estimator(for type: CovarianceType) -> Estimator {
        switch type {
        case .full: return { s, n, r, _ in full(s, n, r) }
        case .tied: return { s, n, r, _ in tied(s, n, r) }
        case .diag: return { s, n, r, _ in diag(s, n, r) }
        case .spherical: return { s, n, r, _ in spherical(s, n, r) }
        case .eii: return ConstrainedCovariance.eii
        case .eei: return ConstrainedCovariance.eei
        case .vei: return ConstrainedCovariance.vei
        case .evi: return ConstrainedCovariance.evi
        case .vee: return ConstrainedCovariance.vee
        case .eve: return ConstrainedCovariance.eve
        case .vve: return ConstrainedCovariance.vve
        case .eev: return ConstrainedCovariance.eev
        case .vev: return ConstrainedCovariance.vev
        case .evv: return ConstrainedCovariance.evv
        }
    }

    /// Whether `type` needs only the diagonal of the scatters (cheaper to accumulate): the
    /// models stored as diagonal or σ²·I matrices.
    static func needsDiagonalOnly(_ type: CovarianceType) -> Bool {
        type.storage == .diag || type.storage == .spherical
    }

    /// Whether `type`'s estimate starts from the previous model (see `start` above).
    static func startsFromPreviousModel(_ type: CovarianceType) -> Bool {
        type == .eve || type == .vve
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
