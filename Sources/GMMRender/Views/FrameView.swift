/// Which picture of the data a frame draws.
///
/// Every view shows the same fit; they differ in how D-dimensional data and components are
/// brought onto the page. Projections are exact for Gaussians: a linear map A takes N(μ, Σ) to
/// N(A μ, A Σ Aᵀ), and selecting columns is the special case where A picks rows of the identity.
public enum FrameView: Sendable, Equatable {
    /// Two data columns (``RenderOptions/axes``) with ellipses, as on the classic frame.
    case plane
    /// One data column (0-based): a histogram with the weighted component densities, the
    /// mixture density and the points as a strip below.
    case line(column: Int)
    /// A scatter-plot matrix of the given 0-based columns (2 to ``FrameView/maxPairsColumns``):
    /// every pair off the diagonal, each column's 1-D mixture on it.
    case pairs(columns: [Int])
    /// The first two principal axes of the data (eigenvectors of its covariance matrix).
    case pca

    /// The most columns a scatter-plot matrix draws: 6 columns are 15 pairs, about as many as
    /// a frame can show legibly.
    public static let maxPairsColumns = 6

    /// The view's name in messages: "plane", "line", "pairs" or "pca".
    public var name: String {
        switch self {
        case .plane: return "plane"
        case .line: return "line"
        case .pairs: return "pairs"
        case .pca: return "pca"
        }
    }

    /// Whether the view draws covariance ellipses: all but the line view. The key lists only
    /// what is drawn.
    public var drawsEllipses: Bool {
        if case .line = self { return false }
        return true
    }

    /// Whether the view draws the marks of an E/M step frame — rings around points whose
    /// responsibilities changed, the dashed model before the M-step — as the full plane does:
    /// the plane and PCA views; the line and pairs views leave them out.
    public var drawsStepMarks: Bool {
        switch self {
        case .plane, .pca: return true
        case .line, .pairs: return false
        }
    }

    /// Whether an equal aspect (``RenderOptions/aspect``) applies: to the views whose two axes
    /// share a unit.
    /// The line view's vertical axis is a density, and a matrix's cells each have their own
    /// columns, so both fill the plot area whatever the option.
    public var usesEqualAspect: Bool {
        switch self {
        case .plane, .pca: return true
        case .line, .pairs: return false
        }
    }
}

/// How the mixture's density is drawn under the points of the two-dimensional views.
public enum DensityStyle: String, Sendable, Equatable, CaseIterable {
    /// Not at all.
    case none
    /// Contour lines at the levels enclosing `DensityLevels/masses` of the mixture's mass.
    case contours
    /// A light neutral shade, darker where the density is higher.
    case shade
}
