import Foundation
import GMM
import GMMRender

/// Times `FrameRenderer.renderRaster(_:)` on the demo's model with a chosen number of points,
/// for the README's figures. Run it from a release build.
enum RenderBenchmark {
    /// Wall-clock times of one frame, in milliseconds.
    struct Figures: Sendable, CustomStringConvertible {
        var points: Int
        var width: Int
        var height: Int
        var iterations: Int
        var minimum: Double
        var median: Double
        var mean: Double

        var description: String {
            "\(width)×\(height), \(points) points: median \(format(median)) ms, min \(format(minimum)) ms, mean \(format(mean)) ms over \(iterations) frames"
        }

        private func format(_ v: Double) -> String { String(format: "%.2f", v) }
    }

    /// A scene like the demo's at iteration 1 of a fit (soft responsibilities, moved ellipses,
    /// trails, inset, legend), with `points` points drawn from the demo's three blobs.
    static func scene(points: Int, seed: UInt64 = 0) throws -> Scene {
        let perBlob = max(1, (points + 2) / 3)
        let blobs = try BlobGenerator.generate(means: Demo.trueMeans, count: perBlob, seed: seed)
        let data = try Dataset(values: Array(blobs.values.prefix(max(1, points) * 2)), dimension: 2)
        let demo = try Demo.data(seed: seed)
        let fit = try GaussianMixture(components: 3).fit(demo, initialization: .means(Demo.initialMeans))
        let history = fit.history
        let index = min(1, history.iterations)
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        return try builder.scene(at: index)
    }

    /// Renders `iterations` frames (after two warm-up frames) and reports their times.
    static func run(points: Int, iterations: Int = 50, options: RenderOptions = RenderOptions()) throws -> Figures {
        let scene = try scene(points: points)
        let renderer = try FrameRenderer(options: options)
        for _ in 0 ..< 2 { _ = try renderer.renderRaster(scene) }
        var times = [Double]()
        for _ in 0 ..< max(1, iterations) {
            let start = DispatchTime.now().uptimeNanoseconds
            let frame = try renderer.renderRaster(scene)
            let end = DispatchTime.now().uptimeNanoseconds
            precondition(frame.pixels.count == frame.width * frame.height)
            times.append(Double(end - start) / 1e6)
        }
        times.sort()
        return Figures(points: points, width: options.deviceWidth, height: options.deviceHeight, iterations: times.count,
                       minimum: times[0], median: times[times.count / 2], mean: times.reduce(0, +) / Double(times.count))
    }
}
