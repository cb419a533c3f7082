import Foundation
import GMM
import GMMGIF
import GMMRender
import Testing
import TestSupport

/// The README's library example, so it cannot rot: the same calls on the demo data.
@Test func readmeLibraryExampleRuns() throws {
    let dir = TestPaths.temporaryDirectory()
    let data = try Demo.data()
    let gmm = GaussianMixture(components: 3, covarianceType: .full, options: FitOptions(tolerance: 1e-4, seed: 1))
    let result = try gmm.fit(data, initialization: .kMeansPlusPlus)

    let history = result.history
    #expect(history.snapshots.count == history.iterations + 1)
    let labels = try result.model.predict(data)
    let r = try result.model.responsibilities(for: data)
    let logp = try result.model.scoreSamples(data)
    let bic = try result.model.bic(data)
    #expect(labels.count == 300 && r.count == 900 && logp.count == 300 && bic.isFinite)
    try history.jsonText().write(toFile: dir.appendingPathComponent("h.json").path, atomically: true, encoding: .utf8)

    var options = RenderOptions()
    options.width = 400
    options.height = 300
    let builder = try SceneBuilder(history: history, data: data, options: options)
    let renderer = try FrameRenderer(options: builder.options)
    try renderer.writePNG(try builder.scene(at: 1), to: dir.appendingPathComponent("iteration-1.png").path)
    let timeline = Timeline(iterations: history.iterations, options: Timeline.Options(steps: .em))
    let frames = try timeline.frames.map { try renderer.renderRaster(try builder.scene(for: $0.content)) }
    let palette = GIFPalette.build(seeds: RenderPalette(theme: .light).exactColors(components: 3),
                                   samples: [frames[0], frames[frames.count - 1]].map {
                                       RGBImage(width: $0.width, height: $0.height, pixels: $0.pixels) })
    let gifPath = dir.appendingPathComponent("em.gif").path
    let gif = try GIFWriter(width: frames[0].width, height: frames[0].height, palette: palette,
                            sink: try FileGIFSink(path: gifPath))
    for (frame, entry) in zip(frames, timeline.frames) {
        try gif.add(RGBImage(width: frame.width, height: frame.height, pixels: frame.pixels), delay: entry.delay)
    }
    try gif.close()
    let decoded = try DecodedGIF(Array(try Data(contentsOf: URL(fileURLWithPath: gifPath))))
    #expect(decoded.frames.count == 1 + 2 * history.iterations)
}
