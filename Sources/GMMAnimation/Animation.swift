import Dispatch
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
/// The pipeline runs one way: scenes are built and drawn into self-describing frames
/// (``AnimationFrame``, with the parts the outputs ask for), and each output receives the
/// animation's fixed facts (``AnimationFacts``) once, then the frames, never the stages that
/// made them. Frames are produced in batches, in parallel: each worker builds a frame's scene,
/// draws it once and hands it to every output's parallel stage; the outputs then take the
/// batch in order. The outputs start in parallel while the first frames are drawn
/// (`OutputStartup`). Memory holds those first frames (at most
/// `OutputStartup/limit(frames:bytesPerFrame:workers:)`)
/// and then two batches of four frames per worker (the one the outputs take in order and the
/// next, being produced) however long the animation, and every output is byte-identical
/// whatever the number of workers.
public struct Animation: Sendable {
    /// The scenes of the fit.
    public let builder: SceneBuilder
    /// How each frame is drawn.
    public let renderer: FrameRenderer
    /// Which frames, in what order, for how long.
    public let timeline: Timeline

    /// Plans the animation of `history` on `data`. With `comparison`, every frame draws that
    /// k-means run beside the EM (`SceneBuilder.comparing(_:)`). With `starts` (runs of the
    /// same model from other starts, `history` the best of them), every frame draws each run
    /// in a panel of its own (`SceneBuilder.showingStarts(_:)`), and the timeline follows the
    /// longest run.
    ///
    /// - Throws: `RenderError` for drawing options that do not suit the data, or a history
    ///   (or k-means run) that does not describe it; ``AnimationError`` for timeline options out
    ///   of range or a timeline longer than ``Timeline/frameLimit``.
    public init(history: FitHistory, data: Dataset, options: RenderOptions = RenderOptions(),
                timeline: Timeline.Options = Timeline.Options(), comparison: KMeansHistory? = nil,
                starts: [FitHistory]? = nil) throws {
        try timeline.validate()
        // The run the timeline follows: the longest (the first of the longest on ties).
        let paced = starts?.reduce(history) { $1.iterations > $0.iterations ? $1 : $0 } ?? history
        try Timeline.checkLength(iterations: paced.iterations, options: timeline)
        var scenes = try SceneBuilder(history: history, data: data, options: options)
        if let starts { scenes = try scenes.showingStarts(starts) }
        builder = try comparison.map { try scenes.comparing($0) } ?? scenes
        renderer = try FrameRenderer(options: options)
        self.timeline = Timeline(iterations: paced.iterations, options: timeline,
                                 logLikelihoods: paced.snapshots.map(\.logLikelihood))
    }

    /// The most pixel bytes one batch of frames holds (with at least one frame).
    static let batchBytes = 256 << 20

    /// What an animation wrote.
    public struct Summary: Sendable, Equatable {
        /// Frames in the timeline, each given to every output.
        public var frames: Int
    }

    /// Renders every frame into `outputs`.
    ///
    /// - Parameters:
    ///   - outputs: where every frame goes, each started, fed and finished in turn.
    ///   - workers: the threads to render on (one per processor by default).
    ///   - progress: called on the calling thread after each batch with the frames done and
    ///     the total.
    /// - Throws: the first error of any output's start, in the outputs' order; otherwise the
    ///   first error of any frame or output, in frame order. Every output is then aborted, so
    ///   none is left looking complete.
    @discardableResult
    public func render(to outputs: [any AnimationOutput], workers: Workers? = nil,
                       progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> Summary {
        guard !outputs.isEmpty else { throw AnimationError.noOutput }
        let workers = try workers ?? Workers()
        let drivers = outputs.map { ErasedOutput($0) }
        let source = FrameSource(builder: builder, renderer: renderer, timeline: timeline)
        let facts = source.facts(workers: workers)
        let frames = timeline.frames
        let contents = drivers.reduce(into: FrameContents()) { $0.formUnion($1.needs) }
        func draw(_ index: Int) throws -> AnimationFrame { try source.frame(index, contents: contents) }
        // Every output starts on a thread of its own; meanwhile this thread draws the first
        // frames and gives each to the outputs already started.
        let head = OutputStartup(drivers, facts: facts)
        let frameBytes = contents.contains(.pixels) ? 4 * facts.size.deviceWidth * facts.size.deviceHeight : 0
        let limit = OutputStartup.limit(frames: frames.count, bytesPerFrame: frameBytes, workers: workers.count)
        var early = [OutputStartup.Frame]()
        var earlyError: Error?
        while early.count < limit, !head.allReturned {
            let ready = head.readyOutputs
            do {
                let frame = try draw(early.count)
                let products = try drivers.indices.map { k in ready[k] ? try drivers[k].produce(frame, 0) : nil }
                early.append(OutputStartup.Frame(frame: frame, products: products))
            } catch {
                earlyError = error
                break
            }
        }
        head.keep(early)
        early = []
        // Produce a batch: build, render and hand every frame to each output's parallel stage
        // (only to the outputs that did not have it early).
        func produce(_ range: Range<Int>) throws -> [[Any]] {
            try workers.map(range.count) { offset, worker -> [Any] in
                let index = range.lowerBound + offset
                if let kept = head.take(index) {
                    return try drivers.indices.map { k in try kept.products[k] ?? drivers[k].produce(kept.frame, worker) }
                }
                let frame = try draw(index)
                return try drivers.map { try $0.produce(frame, worker) }
            }
        }
        // Four frames per worker: a batch ends when its slowest frame does, so larger batches
        // leave a core idle less often (two per worker kept both cores 1.7× busy on 101 frames,
        // four 1.8×), for four more frames per worker in memory. Two batches are in memory at
        // once, so a batch holds at most about 256 MB of pixels, however many workers.
        let batch = max(1, min(workers.count * 4, Self.batchBytes / max(1, frameBytes)))
        let batches = stride(from: 0, to: frames.count, by: batch).map { $0 ..< min(frames.count, $0 + batch) }
        do {
            try head.wait()
            if let earlyError { throw earlyError }
            // A pipeline one batch deep: while this thread hands batch b to the outputs' in-order
            // stage (GIF frames are appended there), the workers already produce batch b + 1,
            // so no core waits for the serial part.
            var ahead = BatchInFlight(batches.first.map { range in { try produce(range) } })
            for (b, range) in batches.enumerated() {
                let products = try ahead.wait()
                ahead = BatchInFlight(b + 1 < batches.count ? { try produce(batches[b + 1]) } : nil)
                for (k, driver) in drivers.enumerated() {
                    try driver.consume(products.map { $0[k] }, range.lowerBound)
                }
                progress?(range.upperBound, frames.count)
            }
            for driver in drivers { try driver.finish() }
        } catch {
            for driver in drivers { driver.abort() }
            throw error
        }
        return Summary(frames: frames.count)
    }
}

/// One batch being produced on a background thread while the caller consumes the one before.
///
/// The producing closure only reads state shared read-only by every worker (the frame source)
/// and the outputs' parallel stage, which ``AnimationOutput``
/// documents as safe to run beside ``AnimationOutput/consume(_:from:)``.
private struct BatchInFlight {
    private let group = DispatchGroup()
    private let slot = ResultSlots<[[Any]]>(count: 1)
    private let started: Bool

    init(_ work: (() throws -> [[Any]])?) {
        guard let work else {
            started = false
            return
        }
        started = true
        nonisolated(unsafe) let job = work
        let slot = self.slot
        DispatchQueue.global().async(group: group) { slot.set(0, Result { try job() }) }
    }

    /// The batch's products, once produced, or its first error in frame order.
    func wait() throws -> [[Any]] {
        guard started else { return [] }
        group.wait()
        return try slot.values().first ?? []
    }
}
