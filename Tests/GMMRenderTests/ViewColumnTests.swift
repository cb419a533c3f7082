import GMM
import GMMRender
import Testing

/// The columns a view and the axes name, checked against the data by
/// ``RenderOptions/validate(dimension:)``: each problem a typed error carrying the 0-based
/// column and the data's column count, so a caller can word it in its own numbering.
@Suite("View columns against the data")
struct ViewColumnTests {
    static func options(view: FrameView = .plane, axes: RenderOptions.Axes = .init(x: 0, y: 1)) -> RenderOptions {
        var o = RenderOptions()
        o.view = view
        o.axes = axes
        return o
    }

    @Test func theSameAxisTwice() {
        #expect(throws: RenderError.sameAxes(column: 1)) { try Self.options(axes: .init(x: 1, y: 1)).validate() }
    }

    @Test func aColumnTheDataLacks() {
        #expect(throws: RenderError.missingColumn(view: .plane, column: 2, columns: 2)) {
            try Self.options(axes: .init(x: 0, y: 2)).validate(dimension: 2)
        }
        #expect(throws: RenderError.missingColumn(view: .line(column: 3), column: 3, columns: 3)) {
            try Self.options(view: .line(column: 3)).validate(dimension: 3)
        }
        #expect(throws: RenderError.missingColumn(view: .pairs(columns: [0, 4]), column: 4, columns: 3)) {
            try Self.options(view: .pairs(columns: [0, 4])).validate(dimension: 3)
        }
    }

    @Test func tooFewColumnsForTheView() {
        #expect(throws: RenderError.tooFewColumns(view: .plane, columns: 1, minimum: 2)) { try Self.options().validate(dimension: 1) }
        #expect(throws: RenderError.tooFewColumns(view: .pca, columns: 1, minimum: 2)) { try Self.options(view: .pca).validate(dimension: 1) }
        #expect(throws: RenderError.tooFewColumns(view: .pairs(columns: [0]), columns: 1, minimum: 2)) {
            try Self.options(view: .pairs(columns: [0])).validate()
        }
    }

    @Test func columnsTheDataHasPass() throws {
        try Self.options(axes: .init(x: 2, y: 0)).validate(dimension: 3)
        try Self.options(view: .line(column: 2)).validate(dimension: 3)
        try Self.options(view: .pairs(columns: [0, 1, 2])).validate(dimension: 3)
        try Self.options(view: .pca).validate(dimension: 2)
    }

    /// A history describes only data of its dimension and sample count; it is drawn on any
    /// data of its dimension (a sample of the data, or more of it).
    @Test func aHistoryOfOtherData() throws {
        let history = try GaussianMixture(components: 1).fit(try Dataset(rows: [[0, 0], [1, 1], [2, 0]]), initialization: .kMeans).history
        try SceneBuilder.check(history, describes: try Dataset(rows: [[5, 5], [6, 6], [7, 7]]))
        #expect(throws: RenderError.historyDimension(history: 2, data: 3)) {
            try SceneBuilder.check(history, describes: try Dataset(rows: [[1, 2, 3]]))
        }
        #expect(throws: RenderError.historySamples(history: 3, data: 1)) {
            try SceneBuilder.check(history, describes: try Dataset(rows: [[5, 5]]))
        }
        _ = try SceneBuilder(history: history, data: try Dataset(rows: [[5, 5]]), options: RenderOptions())
        #expect(throws: RenderError.historyDimension(history: 2, data: 3)) {
            try SceneBuilder(history: history, data: try Dataset(rows: [[1, 2, 3]]), options: RenderOptions())
        }
    }
}
