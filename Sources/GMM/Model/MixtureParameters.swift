/// The parameters of a Gaussian mixture with K components in D dimensions.
///
/// Shapes: `weights` K, `means` K × D, `covariances` K × D × D (always full symmetric
/// matrices, whatever covariance type produced them, so that renderers need not care).
public struct MixtureParameters: Sendable, Equatable, Codable {
    /// Mixing weights πₖ, K values that sum to 1.
    public var weights: [Double]
    /// Component means μₖ, K rows of D values.
    public var means: [[Double]]
    /// Component covariances Σₖ, K symmetric positive definite D × D matrices.
    public var covariances: [[[Double]]]

    /// K, the number of components.
    public var components: Int { weights.count }
    /// D, the dimension of the space.
    public var dimension: Int { means.first?.count ?? 0 }

    public init(weights: [Double], means: [[Double]], covariances: [[[Double]]]) {
        self.weights = weights
        self.means = means
        self.covariances = covariances
    }

    /// The notebook's initial model: the given means, identity covariances, equal weights.
    public init(means: [[Double]]) {
        let k = means.count
        let d = means.first?.count ?? 0
        let identity = (0 ..< d).map { i in (0 ..< d).map { j in i == j ? 1.0 : 0.0 } }
        self.init(weights: Array(repeating: 1.0 / Double(k), count: k),
                  means: means,
                  covariances: Array(repeating: identity, count: k))
    }
}
