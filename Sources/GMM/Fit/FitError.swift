/// Why a fit could not be made, with what to change.
///
/// Modelled on scikit-learn's messages: each names the problem, the value seen and the fix.
public enum FitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer samples than components.
    case tooFewSamples(samples: Int, components: Int)
    /// Fewer distinct points than components, so some component could not get a seed.
    case tooFewDistinctPoints(distinct: Int, components: Int)
    /// An option is out of range.
    case invalidOption(String)
    /// The initial model is malformed (shapes, weights, covariances).
    case invalidInitialModel(String)
    /// A covariance matrix stopped being positive definite after the given M-step.
    case illDefinedCovariance(component: Int, iteration: Int)
    /// The log-likelihood overflowed or became NaN (data far beyond every component's reach).
    case nonFiniteLikelihood(iteration: Int)
    /// A value so large that squared distances overflow double precision.
    case valuesTooLarge(largest: Double)

    public var description: String {
        switch self {
        case let .tooFewSamples(samples, components):
            return "the data has \(samples) sample\(samples == 1 ? "" : "s") but the model has \(components) components; give at least as many samples as components or lower -k"
        case let .tooFewDistinctPoints(distinct, components):
            return "the data has only \(distinct) distinct point\(distinct == 1 ? "" : "s") for \(components) components; lower -k to at most \(distinct) or give explicit --means"
        case let .invalidOption(message):
            return message
        case let .invalidInitialModel(message):
            return "invalid initial model: \(message)"
        case let .illDefinedCovariance(component, iteration):
            let when = iteration == 0 ? "in the initial model" : "after iteration \(iteration)"
            return "fitting the mixture model failed because component \(component + 1) has an ill-defined covariance \(when) (for instance caused by singleton or collapsed samples); decrease the number of components, increase --reg-covar, or scale the input data"
        case let .valuesTooLarge(largest):
            return "the data holds values as large as \(largest), whose squares overflow double precision; scale the input data (divide every column by a common factor) before fitting"
        case let .nonFiniteLikelihood(iteration):
            return "the log-likelihood is not finite at iteration \(iteration) (the data is too far from every component for double precision); scale the input data or choose initial means near it"
        }
    }
}
