/// Several EM runs of one model from different starts, drawn as small multiples: one plane per
/// run, in a grid filling the plot area, each at the same iteration of the animation (or its
/// last, once it has stopped).
public struct StartsScene: Sendable, Equatable {
    /// One panel per run, in run order, filled into the grid row by row.
    public var panels: [StartPanel]
    /// Panels per row of the grid.
    public var columns: Int
    /// The panel of the best run: the frame's own scene, whose side column and points a
    /// player's picking refer to.
    public var best: Int

    /// The rows of the grid.
    public var rows: Int { columns > 0 ? (panels.count + columns - 1) / columns : 0 }

    public init(panels: [StartPanel], columns: Int, best: Int) {
        self.panels = panels
        self.columns = columns
        self.best = best
    }

    /// The columns of a grid of `count` panels in a landscape frame: one row up to three
    /// panels, two columns for four (2 × 2), three beyond (2 × 3, 3 × 3).
    public static func columns(for count: Int) -> Int {
        switch count {
        case ..<4: return max(count, 1)
        case 4: return 2
        default: return 3
        }
    }
}

/// One run of a ``StartsScene``.
public struct StartPanel: Sendable, Equatable {
    /// The run's plane at the iteration shown: its points, ellipses, trails and means.
    public var scene: Scene
    /// The line over the panel: the start and where the run is, then what it ended at.
    public var heading: ComparisonHeading
    /// The run's optimum (0 for the best found, 1 for the next, …), shown once the run has
    /// stopped; nil while it runs.
    public var group: Int?
    /// Whether this run is the one a fit with as many restarts keeps, marked once it has
    /// stopped.
    public var isBest: Bool

    public init(scene: Scene, heading: ComparisonHeading, group: Int?, isBest: Bool) {
        self.scene = scene
        self.heading = heading
        self.group = group
        self.isBest = isBest
    }

    /// The letter of optimum `group`: A, B, … Z, then A2, B2, ….
    public static func letter(_ group: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let round = group / letters.count
        return String(letters[group % letters.count]) + (round > 0 ? "\(round + 1)" : "")
    }
}
