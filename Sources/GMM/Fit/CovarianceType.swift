/// The shape of the components' covariance matrices: scikit-learn's four `covariance_type`s and
/// the rest of mclust's fourteen models (Celeux & Govaert 1995).
///
/// mclust writes each covariance as Σₖ = λₖ Dₖ Aₖ Dₖᵀ — a volume λₖ (|Σₖ|^{1/D}), a shape Aₖ
/// (diagonal, determinant 1) and an orientation Dₖ (orthogonal) — and names a model by three
/// letters, one per factor in that order: E (equal for every component), V (varying) or I (the
/// identity, for shape and orientation). scikit-learn's four are four of them, and keep their
/// scikit-learn names: `full` is VVV, `tied` EEE, `diag` VVI, `spherical` VII. The other ten
/// carry mclust's names (``init(name:)`` accepts mclust's names for all fourteen).
///
/// Whatever the type, gmmviz stores and writes every covariance as a full D × D matrix
/// (``MixtureParameters/covariances`` is always K × D × D), so renderers and readers need not
/// care: a `diag` covariance is a diagonal matrix, a `spherical` one σₖ²·I, and a `tied` fit
/// repeats the one shared matrix for every component. The E-step needs only how a matrix is
/// stored (general, shared, diagonal, σ²·I), so each model runs on one of the four kernels of
/// scikit-learn's types; the constraints live in the M-step alone.
public enum CovarianceType: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
    /// VVV: each component has its own general covariance matrix.
    case full
    /// EEE: all components share one general covariance matrix.
    case tied
    /// VVI: each component has its own diagonal covariance matrix (one variance per axis).
    case diag
    /// VII: each component has its own single variance, the same on every axis.
    case spherical
    /// One variance shared by all components and all axes: σ²·I.
    case eii = "EII"
    /// One diagonal matrix shared by all components.
    case eei = "EEI"
    /// Diagonal, proportional to one shared diagonal matrix: λₖ·A (varying volume, equal shape).
    case vei = "VEI"
    /// Diagonal with equal determinants: λ·Aₖ (equal volume, varying shape).
    case evi = "EVI"
    /// Proportional to one shared matrix: λₖ·D A Dᵀ (varying volume, equal shape and orientation).
    case vee = "VEE"
    /// Equal volume and orientation, varying shape: λ·D Aₖ Dᵀ.
    case eve = "EVE"
    /// Equal orientation, varying volume and shape: λₖ·D Aₖ Dᵀ.
    case vve = "VVE"
    /// Equal volume and shape, varying orientation: λ·Dₖ A Dₖᵀ.
    case eev = "EEV"
    /// Equal shape, varying volume and orientation: λₖ·Dₖ A Dₖᵀ.
    case vev = "VEV"
    /// Equal volume, varying shape and orientation: λ·Dₖ Aₖ Dₖᵀ.
    case evv = "EVV"

    public var description: String { rawValue }

    /// scikit-learn's four types, in its documentation's order.
    public static let scikitLearn: [CovarianceType] = [.full, .tied, .diag, .spherical]

    /// mclust's fourteen models in mclust's order (`mclust.options("emModelNames")`): EII,
    /// VII, EEI, VEI, EVI, VVI, EEE, VEE, EVE, VVE, EEV, VEV, EVV, VVV.
    public static let mclust: [CovarianceType] = [.eii, .spherical, .eei, .vei, .evi, .diag, .tied,
                                                  .vee, .eve, .vve, .eev, .vev, .evv, .full]

    /// mclust's three-letter name of the model: VVV for `full`, EEE for `tied`, VVI for
    /// `diag`, VII for `spherical`, the case's own name for the others.
    public var mclustName: String {
        switch self {
        case .full: return "VVV"
        case .tied: return "EEE"
        case .diag: return "VVI"
        case .spherical: return "VII"
        default: return rawValue
        }
    }

    /// The type named `name`, ignoring case: a scikit-learn name (`full`, `tied`, `diag`,
    /// `spherical`) or any of mclust's fourteen (`VVV`, `EEE`, `VVI` and `VII` are the four
    /// scikit-learn types), or `nil`.
    public init?(name: String) {
        let lower = name.lowercased()
        if let type = CovarianceType(rawValue: lower) {
            self = type
            return
        }
        guard let type = CovarianceType.allCases.first(where: { $0.mclustName == name.uppercased() }) else { return nil }
        self = type
    }

    /// Free parameters of the covariances alone, mclust's `nVarParams`: K·D(D+1)/2 (VVV,
    /// `full`), D(D+1)/2 (EEE, `tied`), K·D (VVI, `diag`), K (VII, `spherical`) — scikit-learn's
    /// `_n_parameters` terms for its four — and 1 (EII), D (EEI), K + D − 1 (VEI),
    /// 1 + K(D − 1) (EVI), K + D − 1 + D(D − 1)/2 (VEE), 1 + K(D − 1) + D(D − 1)/2 (EVE),
    /// K·D + D(D − 1)/2 (VVE), D + K·D(D − 1)/2 (EEV), K + D − 1 + K·D(D − 1)/2 (VEV),
    /// 1 − K + K·D(D + 1)/2 (EVV): a volume is 1 number, a shape D − 1 (its determinant is 1),
    /// an orientation D(D − 1)/2.
    public func covarianceParameters(components k: Int, dimension d: Int) -> Int {
        let orientation = d * (d - 1) / 2
        switch self {
        case .full: return k * d * (d + 1) / 2
        case .tied: return d * (d + 1) / 2
        case .diag: return k * d
        case .spherical: return k
        case .eii: return 1
        case .eei: return d
        case .vei: return k + (d - 1)
        case .evi: return 1 + k * (d - 1)
        case .vee: return k + (d - 1) + orientation
        case .eve: return 1 + k * (d - 1) + orientation
        case .vve: return k + k * (d - 1) + orientation
        case .eev: return 1 + (d - 1) + k * orientation
        case .vev: return k + (d - 1) + k * orientation
        case .evv: return 1 - k + k * d * (d + 1) / 2
        }
    }

    /// Free parameters of the whole mixture: the covariances', K·D means and K − 1 weights
    /// (scikit-learn's `_n_parameters`, mclust's `nMclustParams`). BIC and AIC charge for these.
    public func numberOfParameters(components k: Int, dimension d: Int) -> Int {
        covarianceParameters(components: k, dimension: d) + k * d + k - 1
    }
}

/// How a model's covariances are stored for the E-step: the four layouts of scikit-learn's types.
enum CovarianceStorage: Sendable {
    /// A general matrix per component (its own Cholesky factor).
    case full
    /// One general matrix for every component (one factorisation).
    case tied
    /// A diagonal matrix per component.
    case diag
    /// σₖ²·I per component.
    case spherical
}

extension CovarianceType {
    /// The layout the E-step and the M-step's statistics use for this model.
    var storage: CovarianceStorage {
        switch self {
        case .full, .vee, .eve, .vve, .eev, .vev, .evv: return .full
        case .tied: return .tied
        case .diag, .eei, .vei, .evi: return .diag
        case .spherical, .eii: return .spherical
        }
    }

    /// Whether every component has the same matrix (EII, EEI, EEE), which gmmviz writes as
    /// exact copies.
    var sharesOneMatrix: Bool { self == .tied || self == .eii || self == .eei }
}
