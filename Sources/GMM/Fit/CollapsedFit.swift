/// A fit that stopped because a component's covariance stopped being positive definite, with
/// everything the run did before that.
///
/// Thrown by ``GaussianMixture/fit(_:initialization:keepingHistoryOnCollapse:)`` when asked to
/// keep the history. The collapse is the classic singularity of maximum-likelihood mixtures: a
/// component that holds (almost) a single point shrinks around it, its likelihood grows without
/// bound and its covariance becomes singular. ``history`` holds snapshots 0 … `iteration` − 1,
/// the last model whose covariances were all valid, so the run up to the failure can be shown.
public struct CollapsedFit: Error, Sendable, Equatable, CustomStringConvertible {
    /// The component whose covariance collapsed, 0-based.
    public var component: Int
    /// The M-step that produced the invalid covariance (≥ 1).
    public var iteration: Int
    /// Nₖ = Σᵢ rᵢₖ, how many points the component effectively held in that M-step (N·πₖ of the
    /// collapsed model): about 1 for a component that fell onto a single point.
    public var effectiveCount: Double
    /// The run's snapshots 0 … `iteration` − 1, not converged.
    public var history: FitHistory

    public init(component: Int, iteration: Int, effectiveCount: Double, history: FitHistory) {
        self.component = component
        self.iteration = iteration
        self.effectiveCount = effectiveCount
        self.history = history
    }

    /// The error ``GaussianMixture/fit(_:initialization:)`` throws for the same collapse.
    public var error: FitError { .illDefinedCovariance(component: component, iteration: iteration) }

    public var description: String { error.description }
}
