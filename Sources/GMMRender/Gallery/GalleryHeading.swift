/// The text over a panel of a ``ModelGallery``: K in bold on the first line, then the BIC, the
/// log-likelihood and the type, on as few lines as fit the panel's width (``lines(_:)``).
public struct GalleryHeading: Sendable, Hashable {
    /// "K = 3".
    public var name: String
    /// "BIC 2333.78".
    public var bic: String
    /// "log-lik −4.115".
    public var logLikelihood: String
    /// "tied", or empty when the panels do not name their type.
    public var type: String

    /// The separator between the parts that share a line.
    public static let separator = " · "

    public init(name: String, bic: String, logLikelihood: String, type: String) {
        self.name = name
        self.bic = bic
        self.logLikelihood = logLikelihood
        self.type = type
    }

    /// The most lines the parts under K take: one each.
    public var maxLines: Int { type.isEmpty ? 2 : 3 }

    /// The parts under K set on `count` lines (1 up to ``maxLines``): all on one; the BIC
    /// alone, then the rest; each alone.
    public func lines(_ count: Int) -> [String] {
        let rest = type.isEmpty ? logLikelihood : logLikelihood + Self.separator + type
        switch count {
        case ...1: return [bic + Self.separator + rest]
        case 2: return [bic, rest]
        default: return type.isEmpty ? [bic, logLikelihood] : [bic, logLikelihood, type]
        }
    }
}
