extension RenderOptions {
    /// Checks ``view`` on its own and, when given, against the data's dimension.
    ///
    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` with ``RenderParameter/view`` for a
    ///   negative or repeated column, ``RenderError/tooFewColumns(view:columns:minimum:)``,
    ///   ``RenderError/missingColumn(view:column:columns:)``, or
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
                throw RenderError.missingColumn(view: view, column: column, columns: dimension)
            }
        case let .pairs(columns):
            guard columns.count >= 2 else { throw RenderError.tooFewColumns(view: view, columns: columns.count, minimum: 2) }
            guard columns.count <= FrameView.maxPairsColumns else {
                throw RenderError.tooManyColumns(view: "pairs", columns: columns.count, maximum: FrameView.maxPairsColumns)
            }
            guard Set(columns).count == columns.count, columns.allSatisfy({ $0 >= 0 }) else {
                throw RenderError.invalidOption(.view, value: "pairs of columns \(columns)", fix: "give distinct columns counted from 0")
            }
            if let dimension, let bad = columns.first(where: { $0 >= dimension }) {
                throw RenderError.missingColumn(view: view, column: bad, columns: dimension)
            }
        case .pca:
            if let dimension, dimension < 2 { throw RenderError.tooFewColumns(view: .pca, columns: dimension, minimum: 2) }
        }
    }

    /// Whether the density or the regions are drawn under the points.
    var drawsField: Bool { density != .none || showRegions }
}
