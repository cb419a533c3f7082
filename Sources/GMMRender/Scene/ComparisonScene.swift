/// Lloyd's k-means beside EM on one frame, from the same start: what the k-means panel draws,
/// in data units of the drawn axes, and the heading line over each panel. The EM panel draws
/// the scene's own points and components, as the plane does.
public struct ComparisonScene: Sendable, Equatable {
    /// K centroids.
    public var centres: [Point2]
    /// N labels in 0..<K (each point's centroid, drawn in its component's colour), or none
    /// before the first assignment (every point grey).
    public var labels: [Int]
    /// K trails: the centroids of steps 0…i, oldest first.
    public var trails: [[Point2]]
    /// Whether the centroids' Voronoi cells are drawn: only when the plot is the data's whole
    /// space (two columns). A projection of more columns draws centroids whose 2-D cells are
    /// not the regions k-means assigns by, so there the points' colours alone show them.
    public var drawsCells: Bool
    /// The line over the k-means panel: which step it shows and what that step did.
    public var kmeansHeading: ComparisonHeading
    /// The line over the EM panel.
    public var emHeading: ComparisonHeading

    public init(centres: [Point2], labels: [Int], trails: [[Point2]], drawsCells: Bool, kmeansHeading: ComparisonHeading,
                emHeading: ComparisonHeading) {
        self.centres = centres
        self.drawsCells = drawsCells
        self.labels = labels
        self.trails = trails
        self.kmeansHeading = kmeansHeading
        self.emHeading = emHeading
    }
}

/// A panel's heading: the algorithm's name and step in the strong colour, then in words what
/// the step did.
public struct ComparisonHeading: Sendable, Equatable {
    public var name: String
    public var action: String

    public init(name: String, action: String) {
        self.name = name
        self.action = action
    }
}
