/// What is wrong with a set of mixture parameters (an initial model, a snapshot read from a
/// file, the end of an interpolation), as values a caller can word in its own terms.
///
/// Component, mean, weight, row and column indices are 0-based; descriptions count from 1.
public enum ModelProblem: Sendable, Equatable, CustomStringConvertible {
    /// A per-component array has `given` entries for `components` components.
    case count(of: Part, given: Int, components: Int)
    /// Mean `mean` has `coordinates` coordinates in a `dimension`-dimensional model.
    case meanDimension(mean: Int, coordinates: Int, dimension: Int)
    /// Mean `mean` holds a NaN or an infinity.
    case meanNotFinite(mean: Int)
    /// Weight `weight` is `value`, which is not a positive finite number.
    case weightNotPositive(weight: Int, value: Double)
    /// The weights sum to `sum` instead of 1 (within 1e-6).
    case weightsSum(Double)
    /// Covariance `component` has `problem`.
    case covariance(Int, CovarianceProblem)
    /// Two mixtures of different K or D cannot be interpolated.
    case shapeMismatch(components: Int, dimension: Int, otherComponents: Int, otherDimension: Int)

    /// The per-component arrays of ``MixtureParameters``.
    public enum Part: String, Sendable, Equatable {
        case weights, means, covariances
    }

    public var description: String { description(namingType: { "covariance type \($0)" }) }

    /// The description with the covariance type named by `name`, for callers whose users set
    /// the type under another name.
    public func description(namingType name: (CovarianceType) -> String) -> String {
        switch self {
        case let .count(part, given, k):
            return "\(given) \(part.rawValue) for \(k) components" + (part == .means ? "; give one mean per component" : "")
        case let .meanDimension(mean, coordinates, d):
            return "mean \(mean + 1) has \(coordinates) coordinates but the data has \(d) dimensions"
        case let .meanNotFinite(mean):
            return "mean \(mean + 1) has a value that is not finite"
        case let .weightNotPositive(weight, value):
            return "weight \(weight + 1) is \(value); weights must be positive"
        case let .weightsSum(sum):
            return "the weights sum to \(sum); they must sum to 1"
        case let .covariance(c, problem):
            return "covariance \(c + 1) \(problem.description(namingType: name))"
        case let .shapeMismatch(k, d, otherK, otherD):
            return "cannot interpolate \(k) × \(d) parameters towards \(otherK) × \(otherD)"
        }
    }
}

/// What is wrong with one covariance matrix. Rows and columns are 0-based; descriptions count
/// from 1 and read after "covariance 2 …".
public enum CovarianceProblem: Sendable, Equatable, CustomStringConvertible {
    /// The matrix is not `dimension` × `dimension`.
    case notSquare(dimension: Int)
    /// Entry (row, column) is not finite or differs from entry (column, row).
    case notSymmetric(row: Int, column: Int)
    /// The matrix has no Cholesky factor.
    case notPositiveDefinite
    /// A `tied` model's matrix differs from the first component's.
    case notTied
    /// The matrix differs from the first component's in a model whose components share one
    /// (EII, EEI).
    case notShared(type: CovarianceType)
    /// A diagonal or spherical model's matrix (`diag`, `spherical`, EII, EEI, VEI, EVI) has a
    /// non-zero entry off its diagonal.
    case offDiagonal(value: Double, row: Int, column: Int, type: CovarianceType)
    /// A spherical model's matrix (`spherical`, EII) has two different variances on its diagonal.
    case unequalVariances(first: Double, other: Double)

    public var description: String { description(namingType: { "covariance type \($0)" }) }

    /// The description with the covariance type named by `name`, for callers whose users set
    /// the type under another name.
    public func description(namingType name: (CovarianceType) -> String) -> String {
        switch self {
        case let .notSquare(d):
            return "is not \(d) × \(d)"
        case let .notSymmetric(row, column):
            return "is not symmetric and finite at (\(row + 1), \(column + 1))"
        case .notPositiveDefinite:
            return "is not positive definite"
        case .notTied:
            return "differs from covariance 1, but \(name(.tied)) shares one matrix among all components; give the same matrix for every component"
        case let .notShared(type):
            return "differs from covariance 1, but \(name(type)) shares one matrix among all components; give the same matrix for every component"
        case let .offDiagonal(value, row, column, type):
            return "has the off-diagonal entry \(value) at (\(row + 1), \(column + 1)), but \(name(type)) needs \(type.storage == .diag ? "diagonal matrices" : "σ²·I matrices"); set it to 0"
        case let .unequalVariances(first, other):
            return "has different variances on its diagonal (\(first) and \(other)), but \(name(.spherical)) needs one variance per component; give σ²·I"
        }
    }
}
