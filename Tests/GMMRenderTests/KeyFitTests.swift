import Foundation
import GMM
import Testing
@testable import GMMRender

/// Every key row is shown whole at every common frame size and in every view: the layout plans
/// a line or two for it, and in the key's font the words fit in those lines as measured by
/// Cairo. Nothing is cut to "…".
@Suite struct KeyFitTests {
    static let sizes: [(Int, Int, Double)] = [(800, 480, 1), (1000, 600, 1), (1920, 1080, RenderOptions.slideTextScale),
                                              (1440, 1080, RenderOptions.slideTextScale)]

    static func options(_ size: (Int, Int, Double), view: FrameView, regions: Bool, density: DensityStyle) -> RenderOptions {
        var o = RenderOptions()
        (o.width, o.height, o.textScale) = size
        o.view = view
        o.showRegions = regions
        o.density = density
        o.bounds = .auto
        return o
    }

    /// The scenes a key must explain: the initial frame (nothing assigned), an E-step with rings,
    /// an M-step with ghosts and a plain iteration, for each view.
    static func scenes(_ builder: SceneBuilder) throws -> [Scene] {
        let r = { (i: Int) in try builder.responsibilities(at: i) }
        return [try builder.initialScene(), try builder.eStepScene(2, responsibilities: r),
                try builder.mStepScene(2, responsibilities: r), try builder.snapshotScene(3, responsibilities: r)]
    }

    @Test func everyKeyRowFitsWhole() throws {
        let data = try ViewTests.iris()
        let iris = (data: data, history: try GaussianMixture(components: 3).fit(data, initialization: .kMeans).history)
        let views: [(FrameView, (data: Dataset, history: FitHistory))] = [
            (.plane, demoFit), (.pca, iris), (.line(column: 2), iris), (.pairs(columns: [0, 1, 2, 3]), iris),
        ]
        _ = try SurfaceRendering.raster(width: 8, height: 8, scale: 1) { _, measure, _ in
        for size in Self.sizes {
            for (view, fit) in views {
                for (regions, density) in [(false, DensityStyle.none), (true, .contours), (false, .shade)] {
                    if case .line = view, regions || density != .none { continue }
                    let options = Self.options(size, view: view, regions: regions, density: density)
                    let builder = try SceneBuilder(history: fit.history, data: fit.data, options: options)
                    for scene in try Self.scenes(builder) {
                        let layout = try FrameLayout(options: options, scene: scene)
                        let rows = KeyRow.rows(options: options, scene: scene)
                        let key = try #require(layout.key, "no key at \(size) in \(view)")
                        #expect(layout.fitsEveryPiece, "the column drops rows at \(size) in \(view)")
                        measure.font(size: layout.style.panelFont)
                        let textWidth = key.width - 46 * layout.style.unit
                        var used = FrameLayout.headingHeight * layout.style.panelTextUnit
                        for (row, lines) in zip(rows, layout.keyLines) {
                            #expect(!row.text.contains("…"))
                            #expect(measure.wrapped(row.text, width: textWidth, lines: lines) != nil,
                                    "\"\(row.text)\" does not fit \(lines) line(s) of \(textWidth) px at \(size) in \(view)")
                            used += Double(lines) * FrameLayout.keyRow * layout.style.panelTextUnit
                        }
                        #expect(used <= key.height + 0.5, "key rows overflow the key at \(size) in \(view)")
                    }
                }
            }
        }
        }
    }

    /// The key names every mark the options draw: the tint and the contours among them.
    @Test func keyNamesTheTintAndTheContours() throws {
        let options = Self.options((1000, 600, 1), view: .plane, regions: true, density: .contours)
        let builder = try SceneBuilder(history: demoFit.history, data: demoFit.data, options: options)
        let rows = KeyRow.rows(options: options, scene: try builder.scene(at: 1))
        #expect(rows.contains(.regions))
        #expect(rows.contains { if case .contours = $0 { return true } else { return false } })
        var shaded = options
        shaded.showRegions = false
        shaded.density = .shade
        let plain = KeyRow.rows(options: shaded, scene: try builder.scene(at: 1))
        #expect(plain.contains(.shade) && !plain.contains(.regions))
    }
}
