import GMM
import GMMRender
import Testing

/// ``RenderOptions/windowCoverage(of:)``: points a fixed window leaves out.
@Suite("Window coverage")
struct WindowCoverageTests {
    static let data: Dataset = {
        // On columns 1 and 2: inside, on the edge (inside), outside in x, outside in y,
        // outside in both.
        do { return try Dataset(rows: [[0, 0, 0], [10, -10, 0], [11, 0, 50], [0, 12, 0], [-20, 20, 0]]) } catch { fatalError("\(error)") }
    }()

    @Test func countsPointsOutsideOnEitherAxis() throws {
        let c = try #require(RenderOptions().windowCoverage(of: Self.data))
        #expect(c.outside == 3 && c.total == 5)
        #expect([c.xmin, c.xmax, c.ymin, c.ymax] == [-10, 10, -10, 10])
        #expect(c.missesMost)
    }

    @Test func usesTheDrawnAxes() throws {
        var options = RenderOptions()
        options.axes = RenderOptions.Axes(x: 2, y: 0)
        let c = try #require(options.windowCoverage(of: Self.data))
        // Drawn as (column 3, column 1): (50, 11) and (0, −20) fall outside, the rest inside.
        #expect(c.outside == 2 && !c.missesMost)
        options.bounds = .fixed(xmin: -100, xmax: 100, ymin: -100, ymax: 100)
        #expect(options.windowCoverage(of: Self.data)?.outside == 0)
        #expect(options.windowCoverage(of: Self.data)?.missesMost == false)
    }

    /// Every frame of a fixed window that leaves points out says how many: the scene carries
    /// the count, and the frame shows a note in the plot's upper right corner that a window
    /// holding every point does not.
    @Test func framesSayHowManyPointsTheWindowLeavesOut() throws {
        let history = try GaussianMixture(components: 1).fit(Self.data, initialization: .kMeans).history
        var options = RenderOptions()
        options.axes = RenderOptions.Axes(x: 0, y: 1)
        options.showInset = false
        options.showLegend = false
        options.showKey = false
        let builder = try SceneBuilder(history: history, data: Self.data, options: options)
        let missing = try builder.scene(at: 0)
        #expect(missing.pointsOutsideWindow == 3)
        var wide = options
        wide.bounds = .fixed(xmin: -100, xmax: 100, ymin: -100, ymax: 100)
        let all = try SceneBuilder(history: history, data: Self.data, options: wide).scene(at: 0)
        #expect(all.pointsOutsideWindow == 0)
        // The note's ink: the plot's upper right corner has dark text only when points are left out.
        func darkInCorner(_ options: RenderOptions, _ scene: Scene) throws -> Int {
            let renderer = try FrameRenderer(options: options)
            let plot = try renderer.layout(for: scene).plot
            let image = try renderer.renderRaster(scene)
            var dark = 0
            for y in Int(plot.y) + 2 ..< Int(plot.y) + 30 {
                for x in Int(plot.maxX) - 250 ..< Int(plot.maxX) - 2 where image.pixels[y * image.width + x] & 0xFF < 80 { dark += 1 }
            }
            return dark
        }
        #expect(try darkInCorner(options, missing) > 100)
        #expect(try darkInCorner(wide, all) == 0)
    }

    /// Exactly half outside is not "most".
    @Test func halfIsNotMost() throws {
        let data = try Dataset(rows: [[0, 0], [50, 0]])
        #expect(RenderOptions().windowCoverage(of: data)?.missesMost == false)
    }

    @Test func onlyAFixedWindowOfThePlaneView() throws {
        var auto = RenderOptions()
        auto.bounds = .auto
        #expect(auto.windowCoverage(of: Self.data) == nil)
        var pca = RenderOptions()
        pca.view = .pca
        #expect(pca.windowCoverage(of: Self.data) == nil)
    }
}
