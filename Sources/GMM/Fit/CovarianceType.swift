/// The shape of the components' covariance matrices — scikit-learn's `covariance_type`.
///
/// Whatever the type, gmmviz stores and writes every covariance as a full D × D matrix
/// (``MixtureParameters/covariances`` is always K × D × D), so renderers and readers need not
/// care: a `diag` covariance is a diagonal matrix, a `spherical` one σₖ²·I, and a `tied` fit
/// repeats the one shared matrix for every component.
public enum CovarianceType: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
    /// Each component has its own general covariance matrix.
    case full
    /// All components share one general covariance matrix.
    case tied
    /// Each component has its own diagonal covariance matrix (one variance per axis).
    case diag
    /// Each component has its own single variance, the same on every axis.
    case spherical

    public var description: String { rawValue }

    /// The type named `name` (`full`, `tied`, `diag`, `spherical`), or `nil`.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// Free parameters of the covariances alone: K·D(D+1)/2 (full), D(D+1)/2 (tied),
    /// K·D (diag), K (spherical) — scikit-learn's `_n_parameters` terms.
    public func covarianceParameters(components k: Int, dimension d: Int) -> Int {
        switch self {
        case .full: return k * d * (d + 1) / 2
        case .tied: return d * (d + 1) / 2
        case .diag: return k * d
        case .spherical: return k
        }
    }

    /// Free parameters of the whole mixture: the covariances', K·D means and K − 1 weights
    /// (scikit-learn's `_n_parameters`). BIC and AIC charge for these.
    public func numberOfParameters(components k: Int, dimension d: Int) -> Int {
        covarianceParameters(components: k, dimension: d) + k * d + k - 1
    }

    /// Checks that the K × D × D `covariances` have this type's structure: diagonal matrices
    /// for `diag`, σ²·I for `spherical`, one matrix repeated for `tied` (entries compared
    /// exactly: gmmviz writes exact zeros and exact copies). Returns the first violation, or
    /// `nil`.
    func structureProblem(_ covariances: [[[Double]]]) -> ModelProblem? {
        switch self {
        case .full:
            return nil
        case .tied:
            guard let first = covariances.first else { return nil }
            for (c, m) in covariances.enumerated() where m != first {
                return .covariance(c, .notTied)
            }
            return nil
        case .diag, .spherical:
            for (c, m) in covariances.enumerated() {
                for i in m.indices {
                    for j in m[i].indices where i != j && m[i][j] != 0 {
                        return .covariance(c, .offDiagonal(value: m[i][j], row: i, column: j, type: self))
                    }
                }
                if self == .spherical, let v = m.first?.first {
                    for i in m.indices where i < m[i].count && m[i][i] != v {
                        return .covariance(c, .unequalVariances(first: v, other: m[i][i]))
                    }
                }
            }
            return nil
        }
    }
}
