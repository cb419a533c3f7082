import Foundation
import GMM
import Testing
@testable import GMMRender

/// The text sizes of the slide preset, measured on rendered ink and on the style's fonts.
@Suite struct FrameStyleTests {
    /// At 1920 × 1080 the tick digits are at least 1.6 % of the height, and every label of the
    /// frame shrunk to 960 pixels wide is at least 8 pixels high: measured on the ink of the
    /// rendered text in the axis band and the side column.
    @Test func slideTextIsLargeEnough() throws {
        var options = RenderOptions()
        (options.width, options.height) = RenderOptions.Preset.slides.size
        options.showPoints = false
        options.showEllipses = false
        options.showTrails = false
        options.showMeans = false
        options.showGrid = false
        let (data, history) = demoFit
        let builder = try SceneBuilder(history: history, data: data, options: options)
        let scene = try builder.scene(at: 3)
        let renderer = try FrameRenderer(options: options)
        let frame = try renderer.renderRaster(scene)
        let layout = try renderer.layout(for: scene)
        // The x tick labels: the ink rows in the band just under the plot's frame and ticks.
        let plot = layout.plot
        let band = (Int(plot.maxY + 5 * layout.style.unit) + 1, Int(plot.maxY + 30 * layout.style.unit))
        let inkRows = (band.0 ..< band.1).filter { y in
            (Int(plot.x) ..< Int(plot.maxX)).contains { x in channelDistance(frame.pixels[y * frame.width + x], 0xFFFFFF) > 120 }
        }
        let digitHeight = Double((inkRows.max() ?? 0) - (inkRows.min() ?? 0) + 1)
        #expect(digitHeight >= 0.016 * 1080, "tick digits \(digitHeight) px high")
        #expect(digitHeight * 960 / 1920 >= 8)
        // The smallest text (the side column's) uses the smallest font; its capitals and digits
        // are 0.73 em: at half size they must stay ≥ 8 px.
        #expect(layout.style.panelFont * 0.729 * 0.5 >= 8)
        #expect(layout.style.noteFont >= layout.style.panelFont && layout.style.tickFont >= layout.style.panelFont)
    }
}
