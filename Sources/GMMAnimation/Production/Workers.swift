import Dispatch
import Foundation
import GMM

/// A fixed number of worker threads that map an index range in parallel.
///
/// Each worker takes the next index not yet taken, so a worker that the system pauses (the
/// machine is shared, and the in-order stage of the outputs runs beside the workers) holds up
/// one item, not every item of its share. Per-worker scratch state (a GIF preparer's LZW
/// tables, a PNG compressor) is still touched by one thread only, and which worker computed an
/// item never changes the item: results are identical for any worker count.
public struct Workers: Sendable {
    /// How many threads run at once, at least 1.
    public let count: Int

    /// The most workers, as for a fit: `FitOptions/maxThreads`.
    public static let maximum = FitOptions.maxThreads

    /// `count` workers; nil means one per active processor (at most ``maximum``).
    ///
    /// - Throws: ``AnimationError/outOfRange(_:value:allowed:)`` for a count outside
    ///   1...``maximum``.
    public init(count: Int? = nil) throws {
        let n = count ?? min(Self.maximum, ProcessInfo.processInfo.activeProcessorCount)
        try AnimationError.check(.threads, n, in: 1 ... Self.maximum)
        self.count = n
    }

    /// `body(i, worker)` for every `i` in `0 ..< items`, with `worker` in `0 ..< count`; the
    /// results in index order, or the error of the lowest failing index.
    ///
    /// `body` runs concurrently on different workers: it must only read shared state, or
    /// touch state owned by its `worker`.
    public func map<Value>(_ items: Int, _ body: (_ index: Int, _ worker: Int) throws -> Value) throws -> [Value] {
        guard items > 0 else { return [] }
        let slots = ResultSlots<Value>(count: items)
        let threads = max(1, min(items, count))
        if threads == 1 {
            for i in 0 ..< items { slots.set(i, Result { try body(i, 0) }) }
        } else {
            withoutActuallyEscaping(body) { body in
                // Safe to share: the workers call `body` on disjoint indices, and `body` is
                // documented to touch only what is shared read-only or owned by its worker.
                nonisolated(unsafe) let job = body
                let queue = IndexQueue(count: items)
                DispatchQueue.concurrentPerform(iterations: threads) { worker in
                    while let i = queue.next() { slots.set(i, Result { try job(i, worker) }) }
                }
            }
        }
        return try slots.values()
    }
}

/// The indices `0 ..< count`, handed out in order to whichever worker asks next.
final class IndexQueue: @unchecked Sendable {
    private var next_ = 0
    private let count: Int
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next_ < count else { return nil }
        next_ += 1
        return next_ - 1
    }
}

/// Per-index results written by concurrent workers, each to its own slot.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<Value, Error>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    /// Every value in order, or the first error in order. Every slot is set by then:
    /// `concurrentPerform` returns only after all workers finished.
    func values() throws -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.compactMap { try $0?.get() }
    }
}
