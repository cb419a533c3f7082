extension RenderOptions {
    /// Checks ``view`` on its own and, when given, against the data's dimension.
    ///
    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` with ``RenderParameter/view``, or
    ///   ``RenderError/tooManyColumns(view:columns:maximum:)`` for a scatter-plot matrix of more
    ///   than ``FrameView/maxPairsColumns`` columns.
    func validateView(dimension: Int?) throws {
        switch view {
        case .plane:
            return
        case let .line(column):
            guard column >= 0 else {
                throw RenderError.invalidOption(.view, value: "line(column: \(column))", fix: "columns are counted from 0 here and cannot be negative")
            }
            if let dimension, column >= dimension {
                throw RenderError.invalidOption(.view, value: "line(column: \(column))",
                                                fix: "the data has \(dimension) column\(dimension == 1 ? "" : "s"), so columns are 0…\(dimension - 1)")
            }
        case let .pairs(columns):
            guard columns.count >= 2 else {
                throw RenderError.invalidOption(.view, value: "pairs of \(columns.count) column\(columns.count == 1 ? "" : "s")",
                                                fix: "a scatter-plot matrix needs at least two columns; draw one column as a line view")
            }
            guard columns.count <= FrameView.maxPairsColumns else {
                throw RenderError.tooManyColumns(view: "pairs", columns: columns.count, maximum: FrameView.maxPairsColumns)
            }
            guard Set(columns).count == columns.count, columns.allSatisfy({ $0 >= 0 }) else {
                throw RenderError.invalidOption(.view, value: "pairs of columns \(columns)", fix: "give distinct columns counted from 0")
            }
            if let dimension, let bad = columns.first(where: { $0 >= dimension }) {
                throw RenderError.invalidOption(.view, value: "pairs with column \(bad)",
                                                fix: "the data has \(dimension) columns, so columns are 0…\(dimension - 1)")
            }
        case .pca:
            if let dimension, dimension < 2 {
                throw RenderError.invalidOption(.view, value: "pca", fix: "principal axes need at least two columns but the data has \(dimension)")
            }
        }
    }

    /// Whether the density or the regions are drawn under the points.
    var drawsField: Bool { density != .none || showRegions }
}
