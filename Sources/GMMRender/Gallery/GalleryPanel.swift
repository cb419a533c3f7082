/// One K of a ``ModelGallery``: the scene of its final fitted model (of the covariance type of
/// lowest criterion at this K) and the numbers of its heading.
public struct GalleryPanel: Sendable, Equatable {
    /// K.
    public var components: Int
    /// The covariance type of the fit drawn, e.g. "full".
    public var covarianceType: String
    /// The fit's BIC (lower is better).
    public var bic: Double
    /// The fit's mean log-likelihood per sample.
    public var logLikelihood: Double
    /// The fitted model on the data: points coloured by its responsibilities, its ellipses and
    /// means (a plane), or its densities over a histogram (one column's line view).
    public var scene: Scene
    /// Whether this is the model the selection chose.
    public var isChosen: Bool

    public init(components: Int, covarianceType: String, bic: Double, logLikelihood: Double, scene: Scene, isChosen: Bool) {
        self.components = components
        self.covarianceType = covarianceType
        self.bic = bic
        self.logLikelihood = logLikelihood
        self.scene = scene
        self.isChosen = isChosen
    }

    /// The panel's heading: K, its BIC (two decimals, as `gmmviz select` prints it) and its
    /// mean log-likelihood, with the covariance type when the gallery mixes several
    /// (`showingType`).
    public func heading(showingType: Bool) -> GalleryHeading {
        GalleryHeading(name: "K = \(components)", bic: "BIC \(Ticks.formatted(bic, decimals: 2))",
                       logLikelihood: "log-lik \(Ticks.formatted(logLikelihood, decimals: 3))",
                       type: showingType ? covarianceType : "")
    }
}
