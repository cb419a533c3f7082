import Foundation

/// The view-specific part of a ``Scene``.
///
/// The scene's own points and components are always a 2-D projection (for the line view the
/// column against 0, for the pairs view the first two columns), so the side panel, the header
/// and anything that reads a plain scene keep working; the payload carries what the view adds.
public enum SceneView: Sendable, Equatable {
    /// Two columns or two principal axes: the scene's points and components are what is drawn.
    case plane
    /// One column's densities.
    case line(LineScene)
    /// A scatter-plot matrix.
    case matrix(MatrixScene)
    /// Two planes side by side: Lloyd's k-means from the same start on the left, the scene's
    /// own EM on the right.
    case comparison(ComparisonScene)
    /// Small multiples: one plane per EM run from a different start.
    case starts(StartsScene)
}

/// One component of a one-dimensional mixture: πₖ, μₖ and σₖ² of the drawn column (the marginal
/// of a Gaussian on one coordinate is N(μᵢ, Σᵢᵢ)).
public struct LineComponent: Sendable, Hashable {
    public var weight: Double
    public var mean: Double
    public var variance: Double

    public init(weight: Double, mean: Double, variance: Double) {
        self.weight = weight
        self.mean = mean
        self.variance = variance
    }

    /// πₖ · N(x | μₖ, σₖ²); 0 for a non-positive or non-finite variance.
    public func weightedDensity(at x: Double) -> Double {
        guard variance > 0, variance.isFinite else { return 0 }
        let z = x - mean
        return weight * Foundation.exp(-0.5 * z * z / variance) / (2 * Double.pi * variance).squareRoot()
    }
}

/// One column as the line view and the diagonal of the pairs view draw it. Everything but the
/// components and the trails is the same on every frame of an animation, so nothing jumps.
public struct LineScene: Sendable, Equatable {
    /// The column's name.
    public var label: String
    /// K components projected onto the column.
    public var components: [LineComponent]
    /// K trails: the column's mean of snapshots 0…i, oldest first (empty for none).
    public var trails: [[Double]]
    /// The histogram of the column (densities, so its area is 1 like the mixture's).
    public var histogram: Histogram
    /// The horizontal data window.
    public var xmin: Double
    public var xmax: Double
    /// The top of the density axis, fixed over the whole fit.
    public var densityMax: Double

    public init(label: String, components: [LineComponent], trails: [[Double]], histogram: Histogram,
                xmin: Double, xmax: Double, densityMax: Double) {
        self.label = label
        self.components = components
        self.trails = trails
        self.histogram = histogram
        self.xmin = xmin
        self.xmax = xmax
        self.densityMax = densityMax
    }

    /// The mixture density Σₖ πₖ N(x | μₖ, σₖ²).
    public func mixtureDensity(at x: Double) -> Double {
        components.reduce(0) { $0 + $1.weightedDensity(at: x) }
    }
}

/// A scatter-plot matrix of n columns: the data and the components restricted to those
/// columns; each cell is drawn as a plane (off the diagonal) or a line (on it).
public struct MatrixScene: Sendable, Equatable {
    /// n column names.
    public var labels: [String]
    /// n columns of N values each.
    public var columns: [[Double]]
    /// K weights.
    public var weights: [Double]
    /// K × n means.
    public var means: [[Double]]
    /// K × n × n covariances.
    public var covariances: [[[Double]]]
    /// K trails of n-vectors, oldest first.
    public var trails: [[[Double]]]
    /// n diagonal cells (label, histogram, window and density axis of each column).
    public var diagonal: [LineScene]

    public init(labels: [String], columns: [[Double]], weights: [Double], means: [[Double]],
                covariances: [[[Double]]], trails: [[[Double]]], diagonal: [LineScene]) {
        self.labels = labels
        self.columns = columns
        self.weights = weights
        self.means = means
        self.covariances = covariances
        self.trails = trails
        self.diagonal = diagonal
    }
}
