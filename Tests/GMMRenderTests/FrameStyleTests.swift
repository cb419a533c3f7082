import Foundation
import GMM
import Testing
@testable import GMMRender

/// The text sizes of the slide presets, measured on rendered ink and on the style's fonts.
@Suite struct FrameStyleTests {
    /// In both slide presets the tick digits and the caption under the header are at least
    /// 3.5 % of the frame's height: the digits' ink is measured in the band under the plot, and
    /// the caption's ink (capitals, ascenders and descenders) must be at least its font's cap
    /// height, which itself must reach 3.5 %.
    @Test(arguments: RenderOptions.Preset.allCases)
    func slideTextReadsFromTheBackOfAHall(_ preset: RenderOptions.Preset) throws {
        var options = RenderOptions()
        (options.width, options.height) = preset.size
        options.textScale = preset.textScale
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
        let height = Double(options.height)
        func inkRows(_ rows: Range<Int>, _ columns: Range<Int>) -> [Int] {
            rows.filter { y in columns.contains { x in channelDistance(frame.pixels[y * frame.width + x], 0xFFFFFF) > 120 } }
        }
        // The x tick labels: digits and minus signs only, so their ink is the cap height.
        let plot = layout.plot
        let ticks = inkRows(Int(plot.maxY) + 6 ..< Int(plot.maxY + FrameLayout.tickLabelGap(layout.style) + 1.2 * layout.style.tickFont),
                            Int(plot.x) ..< Int(plot.maxX))
        let digitHeight = Double((ticks.max() ?? 0) - (ticks.min() ?? 0) + 1)
        #expect(digitHeight >= 0.035 * height, "tick digits \(digitHeight) px high in \(preset)")
        // The caption's font and its ink.
        #expect(FrameStyle.capHeight * layout.style.noteFont >= 0.035 * height)
        let note = try #require(layout.noteBaseline)
        let captionInk = inkRows(Int(note - layout.style.noteFont) ..< Int(note + 0.3 * layout.style.noteFont),
                                 Int(layout.textLeft) ..< Int(layout.textRight))
        let captionHeight = Double((captionInk.max() ?? 0) - (captionInk.min() ?? 0) + 1)
        #expect(captionHeight >= 0.035 * height, "caption ink \(captionHeight) px high in \(preset)")
        // The side column's text grows too, and no text is smaller than the default frame's.
        #expect(layout.style.panelTextUnit > layout.style.unit)
        #expect(layout.style.noteFont >= layout.style.panelFont && layout.style.tickFont >= layout.style.panelFont)
        #expect(layout.style.titleFont >= layout.style.headerFont)
    }

    /// Text scale 1 keeps the default frame's sizes: a 1000 × 600 frame's unit is one pixel and
    /// its fonts are the sizes the doc comments give.
    @Test func defaultFrameKeepsItsSizes() {
        let style = FrameStyle(width: 1000, height: 600)
        #expect(style.unit == 1 && style.textUnit == 1 && style.panelTextUnit == 1)
        #expect(style.tickFont == 13.5 && style.noteFont == 13 && style.panelFont == 12.5 && style.titleFont == 18)
    }
}
