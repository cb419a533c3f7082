import Dispatch
import Foundation

/// The outputs' `start`, each on a background thread, while the calling thread already draws
/// the first frames and hands them to the outputs that have started.
///
/// An output's start can be long (a GIF builds its palette from sample frames: about a tenth
/// of a second for the demo), and the frames cannot wait for it without leaving a core idle.
/// So every output starts at once, on its own thread, and the caller draws frames from 0 on:
/// each frame goes to the parallel stage of the outputs already started; the others receive it
/// later, in the animation's first batches. The frames drawn this way are kept until every
/// output has had them, so their number is bounded (``limit``).
///
/// Which outputs had a frame early changes nothing in what they write: a product depends only
/// on its frame.
final class OutputStartup: @unchecked Sendable {
    /// One frame drawn while the outputs started, and the products of the outputs that had
    /// started by then (nil for the others).
    struct Frame {
        let frame: AnimationFrame
        var products: [Any?]
    }

    private let lock = NSLock()
    private let group = DispatchGroup()
    private var ready: [Bool]
    private var returned = 0
    private var errors: [Error?]
    private var frames: [Frame?] = []

    /// Starts every driver's `start(facts)` on a thread of its own.
    ///
    /// Dedicated threads, not Dispatch's pool: the pool runs about one item per core, so a
    /// start queued behind busy items (or behind another output's start) would not begin until
    /// they end, and the outputs waiting for it would get no frames meanwhile.
    init(_ drivers: [ErasedOutput], facts: AnimationFacts) {
        ready = Array(repeating: false, count: drivers.count)
        errors = Array(repeating: nil, count: drivers.count)
        for (k, driver) in drivers.enumerated() {
            // Safe to share: each output is started by exactly one thread, and nothing else
            // touches it until `readyOutputs` or `wait()` says it started.
            nonisolated(unsafe) let start = driver.start
            group.enter()
            let thread = Thread { [self] in
                let result = Result { try start(facts) }
                lock.lock()
                switch result {
                case .success: ready[k] = true
                case let .failure(error): errors[k] = error
                }
                returned += 1
                lock.unlock()
                group.leave()
            }
            // The main thread's stack size: starts ran there before, and may recurse as deep.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// How many frames may be drawn ahead: enough to keep a core busy for a long start (eight
    /// per worker), and no more than about 48 MB of pixels (at least one frame).
    static func limit(frames: Int, bytesPerFrame: Int, workers: Int) -> Int {
        min(frames, max(1, min(8 * workers, 48 << 20 / max(1, bytesPerFrame))))
    }

    /// For each output, whether it has started successfully and may receive frames.
    var readyOutputs: [Bool] {
        lock.lock()
        defer { lock.unlock() }
        return ready
    }

    /// Whether every output's start has returned, successfully or not.
    var allReturned: Bool {
        lock.lock()
        defer { lock.unlock() }
        return returned == ready.count
    }

    /// Waits for every start; throws the first failure in the outputs' order.
    func wait() throws {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        if let error = errors.compactMap({ $0 }).first { throw error }
    }

    /// Keeps the early frames `0 ..< frames.count` until ``take(_:)``.
    func keep(_ frames: [Frame]) {
        lock.lock()
        self.frames = frames.map { $0 }
        lock.unlock()
    }

    /// Early frame `index` (each taken once, then released), or nil if it was not drawn early.
    func take(_ index: Int) -> Frame? {
        lock.lock()
        defer { lock.unlock() }
        guard index < frames.count else { return nil }
        let frame = frames[index]
        frames[index] = nil
        return frame
    }
}
