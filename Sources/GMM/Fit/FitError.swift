/// Why a fit could not be made, with what to change.
///
/// Modelled on scikit-learn's messages: each names the problem, the value seen and the fix.
/// The cases carry values rather than sentences, so a caller with its own names for the
/// settings (a command line's flags) can word them; ``description`` speaks in this library's
/// terms (``FitParameter``'s names are the Swift properties a caller sets).
public enum FitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer samples than components.
    case tooFewSamples(samples: Int, components: Int)
    /// Fewer distinct points than components, so some component could not get a seed.
    case tooFewDistinctPoints(distinct: Int, components: Int)
    /// An integer setting outside `allowed`, e.g. `runs: 0` (allowed 1...1000).
    case outOfRange(FitParameter, value: Int, allowed: ClosedRange<Int>)
    /// A real setting that is negative, infinite or NaN, e.g. `tolerance: -1`.
    case notFiniteNonNegative(FitParameter, value: Double)
    /// The data has more dimensions than a fit accepts (``GaussianMixture/maxDimension``).
    case tooManyDimensions(dimension: Int, maximum: Int)
    /// A ``ModelSelection`` with no covariance type to try.
    case noCovarianceTypes
    /// A ``ModelSelection`` from explicit parameters or means, which fix K.
    case selectionNeedsDataDrivenStart
    /// More samples than ``HierarchicalClustering`` accepts (its pair costs take N²/2 doubles).
    case tooManySamplesForHierarchy(samples: Int, maximum: Int)
    /// The initial model is malformed (shapes, weights, covariances).
    case invalidInitialModel(ModelProblem)
    /// A covariance matrix stopped being positive definite after the given M-step.
    case illDefinedCovariance(component: Int, iteration: Int)
    /// The log-likelihood overflowed or became NaN (data far beyond every component's reach).
    case nonFiniteLikelihood(iteration: Int)
    /// A value so large that squared distances overflow double precision.
    case valuesTooLarge(largest: Double)

    public var description: String { description(naming: { $0.description }, namingType: { "covariance type \($0)" }) }

    /// The description with every setting named by `name` and the covariance type by
    /// `namingType`, for callers whose users set them under other names (a command line's
    /// flags). ``description`` names them as this library's properties.
    public func description(naming name: (FitParameter) -> String,
                            namingType: (CovarianceType) -> String) -> String {
        switch self {
        case let .tooFewSamples(samples, components):
            return "the data has \(samples) sample\(samples == 1 ? "" : "s") but the model has \(components) components; give at least as many samples as components or lower \(name(.components))"
        case let .tooFewDistinctPoints(distinct, components):
            return "the data has only \(distinct) distinct point\(distinct == 1 ? "" : "s") for \(components) components; lower \(name(.components)) to at most \(distinct) or start from explicit means"
        case let .outOfRange(parameter, value, allowed):
            guard value >= allowed.lowerBound else {
                return "\(name(parameter)) must be \(allowed.lowerBound == 0 ? "0 or more" : "at least \(allowed.lowerBound)"), got \(value)"
            }
            return "\(name(parameter)) \(value) is more than \(allowed.upperBound) \(parameter.unit)\(parameter == .maxIterations ? " (the history keeps every one)" : ""); lower it"
                + (parameter == .maxIterations ? ", or raise \(name(.tolerance)) so the fit can converge" : "")
        case let .notFiniteNonNegative(parameter, value):
            return "\(name(parameter)) must be a finite number ≥ 0, got \(value)"
        case let .tooManyDimensions(dimension, maximum):
            return "the data has \(dimension) dimensions, more than the \(maximum) a fit accepts (each covariance holds D × D numbers); pick fewer columns"
        case .noCovarianceTypes:
            return "model selection was given no covariance type; give at least one, such as full or CovarianceType.mclust"
        case .selectionNeedsDataDrivenStart:
            return "model selection needs one or more data-driven starts (kMeans, kMeansPlusPlus, random, randomFromData, hierarchical or kMeansScaled); explicit means fix K"
        case let .tooManySamplesForHierarchy(samples, maximum):
            return "hierarchical clustering of \(samples) samples needs \(samples)²/2 pair costs in memory; it accepts at most \(maximum) samples, so cluster a subsample (Initialization.hierarchical does)"
        case let .invalidInitialModel(problem):
            return "invalid initial model: \(problem.description(namingType: namingType))"
        case let .illDefinedCovariance(component, iteration):
            return "fitting the mixture model failed because component \(component + 1) has an ill-defined covariance \(Self.when(iteration)) (for instance caused by singleton or collapsed samples); decrease the number of components, increase \(name(.regCovar)), or scale the input data"
        case let .valuesTooLarge(largest):
            return "the data holds values as large as \(largest), whose squares overflow double precision; scale the input data (divide every column by a common factor) before fitting"
        case let .nonFiniteLikelihood(iteration):
            return "the log-likelihood is not finite at iteration \(iteration) (the data is too far from every component for double precision); scale the input data or choose initial means near it"
        }
    }

    /// "in the initial model" for iteration 0, "after iteration n" otherwise.
    public static func when(_ iteration: Int) -> String {
        iteration == 0 ? "in the initial model" : "after iteration \(iteration)"
    }
}

/// A setting of a fit that a caller chooses and ``FitError`` can reject. Its description is the
/// Swift property that holds it.
public enum FitParameter: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// ``GaussianMixture/components``, K.
    case components
    /// ``FitOptions/maxIterations``.
    case maxIterations
    /// ``FitOptions/tolerance``.
    case tolerance
    /// ``FitOptions/regCovar``.
    case regCovar
    /// ``FitOptions/runs``.
    case runs
    /// ``FitOptions/threads``.
    case threads

    public var description: String { rawValue }

    /// What the setting counts, for "… is more than 1000 restarts".
    public var unit: String {
        switch self {
        case .components: return "components"
        case .maxIterations: return "iterations"
        case .runs: return "restarts"
        case .threads: return "threads"
        case .tolerance, .regCovar: return ""
        }
    }
}
