/// The model after one step of EM.
///
/// Snapshot 0 holds the initial parameters; snapshot `i` ≥ 1 the parameters after the i-th
/// M-step. `logLikelihood` is the mean per-sample log-likelihood of the fitted data under
/// *these* parameters — the value scikit-learn's `score(X)` would give for them.
public struct Snapshot: Sendable, Equatable, Codable {
    /// 0 for the initial model, otherwise the number of M-steps run so far.
    public var iteration: Int
    /// The mixture's parameters at this point.
    public var parameters: MixtureParameters
    /// Mean per-sample log-likelihood, (1/N) Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ).
    public var logLikelihood: Double

    public init(iteration: Int, parameters: MixtureParameters, logLikelihood: Double) {
        self.iteration = iteration
        self.parameters = parameters
        self.logLikelihood = logLikelihood
    }
}
