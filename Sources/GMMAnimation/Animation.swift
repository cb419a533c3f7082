import GMM
import GMMRender

/// The animation of a fit: its scenes, how they are drawn and the timeline of frames, rendered
/// into any number of outputs at once.
///
/// ```swift
/// let data = try Demo.data()
/// let fit = try GaussianMixture(components: 3).fit(data, initialization: .means(Demo.initialMeans))
/// let animation = try Animation(history: fit.history, data: data)
/// try animation.render(to: [try GIFOutput(path: "output/comb.gif"),
///                           FrameFilesOutput(directory: "output/frames")])
/// ```
///
/// Frames are produced in batches, in parallel: each worker builds a frame's scene, renders
/// it once and hands it to every output's parallel stage; the outputs then take the batch in
/// order. Memory holds one batch (two frames per worker) however long the animation, and every
/// output is byte-identical whatever the number of workers.
public struct Animation: Sendable {
    /// The scenes of the fit.
    public let builder: SceneBuilder
    /// How each frame is drawn.
    public let renderer: FrameRenderer
    /// Which frames, in what order, for how long.
    public let timeline: Timeline

    /// Plans the animation of `history` on `data`.
    ///
    /// - Throws: ``RenderError`` for drawing options that do not suit the data, or a history
    ///   that does not describe it; ``AnimationError`` for timeline options out of range or a
    ///   timeline longer than ``Timeline/frameLimit``.
    public init(history: FitHistory, data: Dataset, options: RenderOptions = RenderOptions(),
                timeline: Timeline.Options = Timeline.Options()) throws {
        try timeline.validate()
        try Timeline.checkLength(iterations: history.iterations, options: timeline)
        builder = try SceneBuilder(history: history, data: data, options: options)
        renderer = try FrameRenderer(options: options)
        self.timeline = Timeline(iterations: history.iterations, options: timeline,
                                 logLikelihoods: history.snapshots.map(\.logLikelihood))
    }

    /// What an animation wrote.
    public struct Summary: Sendable, Equatable {
        /// Frames in the timeline, each given to every output.
        public var frames: Int
    }

    /// Renders every frame into `outputs`.
    ///
    /// - Parameters:
    ///   - workers: the threads to render on (one per processor by default).
    ///   - progress: called on the calling thread after each batch with the frames done and
    ///     the total.
    /// - Throws: the first error of any frame or output, in frame order; every output is then
    ///   aborted, so none is left looking complete.
    @discardableResult
    public func render(to outputs: [any AnimationOutput], workers: Workers? = nil,
                       progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> Summary {
        guard !outputs.isEmpty else { throw AnimationError.noOutput }
        let workers = try workers ?? Workers()
        let drivers = outputs.map { ErasedOutput($0) }
        let context = AnimationContext(builder: builder, renderer: renderer, timeline: timeline, workers: workers)
        let frames = timeline.frames
        let needsRaster = drivers.contains { $0.needsRaster }
        do {
            for driver in drivers { try driver.start(context) }
            let batch = workers.count * 2
            var start = 0
            while start < frames.count {
                let range = start ..< min(frames.count, start + batch)
                let products = try workers.map(range.count) { offset, worker -> [Any] in
                    let index = range.lowerBound + offset
                    let scene = try builder.scene(for: frames[index].content)
                    let raster = needsRaster ? try renderer.renderRaster(scene) : nil
                    let frame = AnimationFrame(index: index, entry: frames[index], scene: scene, raster: raster)
                    return try drivers.map { try $0.produce(frame, worker) }
                }
                for (k, driver) in drivers.enumerated() {
                    try driver.consume(products.map { $0[k] }, range.lowerBound)
                }
                progress?(range.upperBound, frames.count)
                start = range.upperBound
            }
            for driver in drivers { try driver.finish() }
        } catch {
            for driver in drivers { driver.abort() }
            throw error
        }
        return Summary(frames: frames.count)
    }
}
