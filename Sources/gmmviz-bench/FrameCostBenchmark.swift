import Foundation
import GMM
import GMMRender

/// What one frame of a large render is made of, for `scripts/bench-scale.py`: the fit's time per
/// EM iteration, one E-step alone, the drawing of one density frame whose responsibilities are
/// already known, and the same frame as the renderer now draws it (responsibilities computed
/// block by block into the pixels).
enum FrameCostBenchmark {
    struct Figures {
        var samples: Int
        /// One EM iteration of the fit (fused E-step and M-step pass), seconds.
        var iteration: Double
        /// One E-step: the responsibilities of every sample, never stored (the log-likelihood pass).
        var eStep: Double
        /// Drawing one density frame from stored responsibilities, seconds.
        var draw: Double
        /// One density frame drawn with its responsibilities computed as it is drawn, seconds.
        var frame: Double

        var json: String {
            "{\"samples\": \(samples), \"iteration_seconds\": \(iteration), \"e_step_seconds\": \(eStep), "
                + "\"draw_seconds\": \(draw), \"frame_seconds\": \(frame)}"
        }
    }

    /// The median of `repeats` timings of `body`.
    static func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var times = [Double]()
        for _ in 0 ..< max(1, repeats) { times.append(try seconds(body)) }
        times.sort()
        return times[times.count / 2]
    }

    /// Times the parts on `data` with the final model of `history` (a fit of that data).
    static func run(data: Dataset, history: FitHistory, repeats: Int) throws -> Figures {
        let final = history.final.parameters
        let gmm = GaussianMixture(components: history.components,
                                  options: FitOptions(maxIterations: 2, tolerance: 0))
        // Two iterations less one: the first pass of a fit also lays out its workspace.
        let one = try median(repeats) { _ = try GaussianMixture(components: history.components, options: FitOptions(maxIterations: 1, tolerance: 0)).fit(data, initialization: .parameters(final)) }
        let two = try median(repeats) { _ = try gmm.fit(data, initialization: .parameters(final)) }
        let model = try MixtureModel(final)
        let eStep = try median(repeats) { _ = try model.score(data) }

        let options = RenderOptions()
        let renderer = try FrameRenderer(options: options)
        let builder = try SceneBuilder(history: history, data: data, options: options)
        let index = history.snapshots.count - 1
        // The frame as the renderer draws it now, then the same frame from stored
        // responsibilities computed beforehand (not timed).
        let deferred = try builder.scene(at: index)
        let frame = try median(repeats) { _ = try renderer.renderRaster(deferred) }
        var stored = deferred
        stored.responsibilities = try model.responsibilities(for: data)
        stored.deferredResponsibilities = nil
        let draw = try median(repeats) { _ = try renderer.renderRaster(stored) }
        return Figures(samples: data.count, iteration: max(0, two - one), eStep: eStep, draw: draw, frame: frame)
    }
}

func benchFrameCost(_ args: [String]) throws {
    let usage = "usage: gmmviz-bench frame-cost DATA.csv HISTORY.json [REPEATS]"
    guard args.count >= 2 else { throw BenchFailure(description: usage) }
    let repeats = args.count > 2 ? Int(args[2]) ?? 3 : 3
    let data = try CSVReader.read(path: args[0])
    guard let json = FileManager.default.contents(atPath: args[1]) else { throw BenchFailure(description: "cannot read \(args[1])") }
    let history = try FitHistory(json: json, source: args[1])
    print(try FrameCostBenchmark.run(data: data, history: history, repeats: repeats).json)
}
