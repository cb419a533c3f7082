/// A destination of an animation: a GIF, a directory of frame files, a PDF deck, a page, or
/// anything else that takes the frames in order.
///
/// An output sees only frames (``AnimationFrame``, with the parts it asks for in ``needs``)
/// and the animation's fixed facts (``AnimationFacts``), never the stages that made them.
/// An ``Animation`` drives its outputs in stages, in batches of frames:
/// 1. ``start(_:)`` once, with the facts, before any frame.
/// 2. ``produce(_:worker:)`` runs for many frames at once, on the animation's worker threads:
///    the expensive, per-frame part (encoding, compressing, writing a frame file). It must
///    depend only on the frame, and touch only state that is read-only or owned by `worker`.
/// 3. ``consume(_:from:)`` receives a batch's products in frame order, on one thread: the part
///    that needs order (appending to one stream). It runs while the workers already produce
///    the next batch, so it must not change state that ``produce(_:worker:)`` reads.
/// 4. ``finish()`` once after the last frame, or ``abort()`` if anything failed — in any
///    output, so that a failed animation never leaves a complete-looking file behind.
///
/// Because every product depends only on its frame (and ``consume(_:from:)`` sees products in
/// order), the output is byte-identical whatever the number of threads.
public protocol AnimationOutput: AnyObject {
    /// What ``produce(_:worker:)`` hands to ``consume(_:from:)`` for each frame.
    associatedtype Product

    /// The parts of each frame this output reads: pixels, a vector drawing, the points'
    /// centres and colours, their placement.
    var needs: FrameContents { get }

    /// Called once before the first frame. Open files here, not earlier, so a run that fails
    /// before drawing leaves the file system as it was.
    func start(_ facts: AnimationFacts) throws

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
    let needs: FrameContents
    let start: (AnimationFacts) throws -> Void
    let produce: (AnimationFrame, Int) throws -> Any
    let consume: ([Any], Int) throws -> Void
    let finish: () throws -> Void
    let abort: () -> Void

    init<Output: AnimationOutput>(_ output: Output) {
        needs = output.needs
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

/// An output used out of order: a frame before ``AnimationOutput/start(_:)``, or after
/// ``AnimationOutput/finish()``, or a frame without a part the output declared in
/// ``AnimationOutput/needs``. Only a program error causes it.
enum AnimationOutputState: Error, CustomStringConvertible {
    case notStarted(String)
    case missing(String, output: String)

    var description: String {
        switch self {
        case let .notStarted(output):
            return "\(output) received a frame before start() or after finish(); outputs are driven by Animation.render(to:)"
        case let .missing(part, output):
            return "\(output) received a frame without its \(part); declare it in the output's needs"
        }
    }
}
