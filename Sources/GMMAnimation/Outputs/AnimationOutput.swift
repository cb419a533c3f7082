import GMMRender
import GMMImage

/// One frame of an animation as the outputs receive it.
public struct AnimationFrame: Sendable {
    /// The frame's place in the timeline, from 0.
    public let index: Int
    /// What the frame shows and for how long.
    public let entry: Timeline.Frame
    /// The frame's scene, in data coordinates projected for the renderer.
    public let scene: Scene
    /// The frame's pixels when some output asked for them (``AnimationOutput/needsRaster``);
    /// see ``RGBImage`` for the layout.
    public let raster: RGBImage?
}

/// Everything an output may need to know about the animation it receives.
public struct AnimationContext: Sendable {
    /// The scenes of the fit.
    public let builder: SceneBuilder
    /// The renderer every frame is drawn with.
    public let renderer: FrameRenderer
    /// The frames, in order, with their delays.
    public let timeline: Timeline
    /// The threads frames are produced on; an output may use them in its own parallel stage.
    public let workers: Workers
    /// Each snapshot's responsibilities, computed once for all the frames that show them.
    let cache: ResponsibilityCache

    init(builder: SceneBuilder, renderer: FrameRenderer, timeline: Timeline, workers: Workers) {
        self.builder = builder
        self.renderer = renderer
        self.timeline = timeline
        self.workers = workers
        cache = ResponsibilityCache(builder: builder)
    }

    /// The scene of timeline frame `index`.
    public func scene(ofFrame index: Int) throws -> Scene {
        try builder.scene(for: timeline.frames[index].content) { try cache.responsibilities(at: $0) }
    }

    /// The pixels of timeline frame `index`, rendered now.
    public func raster(ofFrame index: Int) throws -> RGBImage {
        try renderer.renderRaster(try scene(ofFrame: index))
    }
}

/// A destination of an animation: a GIF, a directory of frame files, or anything else that
/// takes the frames in order.
///
/// An ``Animation`` drives its outputs in three stages, in batches of frames:
/// 1. ``produce(_:worker:)`` runs for many frames at once, on the animation's worker threads:
///    the expensive, per-frame part (encoding, compressing, writing a frame file). It must
///    depend only on the frame, and touch only state that is read-only or owned by `worker`.
/// 2. ``consume(_:from:)`` receives a batch's products in frame order, on one thread: the part
///    that needs order (appending to one stream). It runs while the workers already produce
///    the next batch, so it must not change state that ``produce(_:worker:)`` reads.
/// 3. ``finish()`` once after the last frame, or ``abort()`` if anything failed — in any
///    output, so that a failed animation never leaves a complete-looking file behind.
///
/// Because every product depends only on its frame (and ``consume(_:from:)`` sees products in
/// order), the output is byte-identical whatever the number of threads.
public protocol AnimationOutput: AnyObject {
    /// What ``produce(_:worker:)`` hands to ``consume(_:from:)`` for each frame.
    associatedtype Product

    /// Whether ``produce(_:worker:)`` needs the frame's pixels.
    var needsRaster: Bool { get }

    /// Called once before the first frame. Open files here, not earlier, so a run that fails
    /// before drawing leaves the file system as it was.
    func start(_ context: AnimationContext) throws

    /// The per-frame work; see the stages above.
    func produce(_ frame: AnimationFrame, worker: Int) throws -> Product

    /// The products of frames `first ..< first + products.count`, in order.
    func consume(_ products: [Product], from first: Int) throws

    /// Completes the output after the last frame.
    func finish() throws

    /// Discards what was written, after a failure. Must not throw.
    func abort()
}

/// An output with its product type erased, so an animation can drive several at once.
struct ErasedOutput {
    let needsRaster: Bool
    let start: (AnimationContext) throws -> Void
    let produce: (AnimationFrame, Int) throws -> Any
    let consume: ([Any], Int) throws -> Void
    let finish: () throws -> Void
    let abort: () -> Void

    init<Output: AnimationOutput>(_ output: Output) {
        needsRaster = output.needsRaster
        start = output.start
        produce = { try output.produce($0, worker: $1) }
        consume = { products, first in
            let typed = products.compactMap { $0 as? Output.Product }
            // Each product came from this output's own `produce`, so none is dropped.
            assert(typed.count == products.count)
            try output.consume(typed, from: first)
        }
        finish = output.finish
        abort = output.abort
    }
}
