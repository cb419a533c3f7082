import Foundation
import GMM
@testable import GMMAnimation
import GMMRender
import Testing
import TestSupport

private func read(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

@Suite("HTML player")
struct HTMLPlayerOutputTests {
    /// The player is the same bytes on any number of workers, allows no network, and embeds
    /// every frame's PNG exactly.
    @Test func playerIsReproducibleAndSelfContained() throws {
        let animation = try Animation(history: demo.history, data: demo.data,
                                      timeline: Timeline.Options(steps: .em))
        let dir = TestPaths.temporaryDirectory()
        var pages = [[UInt8]]()
        for threads in [1, 3] {
            let path = dir.appendingPathComponent("p\(threads).html").path
            let player = HTMLPlayerOutput(path: path, options: .init(sourceName: "demo.csv"))
            try animation.render(to: [player], workers: try Workers(count: threads))
            #expect(player.framesWritten == animation.timeline.frames.count)
            #expect(player.includesPointData)
            pages.append(try read(path))
        }
        #expect(pages[0] == pages[1])
        let html = String(decoding: pages[0], as: UTF8.self)
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
        let firstPNG = Data(try animation.renderer.renderRaster(try animation.builder.scene(for: animation.timeline.frames[0].content)).pngData()).base64EncodedString()
        #expect(html.contains("src=\"data:image/png;base64,\(firstPNG)\""))
        #expect(html.contains("id=\"em-toggle\" title="))
        #expect(!html.contains("id=\"em-toggle\" title=\"Step through E-steps and M-steps, or whole iterations\" hidden"))
    }

    /// Above the point limit the page drops per-point data and says so.
    @Test func playerDropsPointDataAboveTheLimit() throws {
        var options = RenderOptions()
        options.width = 320
        options.height = 200
        let animation = try Animation(history: demo.history, data: demo.data, options: options)
        let path = TestPaths.temporaryDirectory().appendingPathComponent("p.html").path
        let player = HTMLPlayerOutput(path: path, options: .init(pointLimit: 100))
        try animation.render(to: [player])
        #expect(!player.includesPointData)
        let html = String(decoding: try read(path), as: UTF8.self)
        #expect(html.contains("\"points\":null"))
        #expect(html.contains("This fit has 300 points, more than the 100 whose responsibilities a page embeds"))
    }
}
