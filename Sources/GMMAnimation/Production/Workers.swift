import Dispatch
import Foundation

/// A fixed number of worker threads that map an index range in parallel.
///
/// Worker `w` takes the indices `i ≡ w (mod count)`, so per-worker scratch state (a GIF
/// preparer's LZW tables, a PNG compressor) is only ever touched by one thread, and which worker
/// computed an item never changes the item: results are identical for any worker count.
public struct Workers: Sendable {
    /// How many threads run at once, at least 1.
    public let count: Int

    /// `count` workers; nil means one per active processor.
    ///
    /// - Throws: ``AnimationError/outOfRange(_:value:allowed:)`` for a count below 1.
    public init(count: Int? = nil) throws {
        let n = count ?? ProcessInfo.processInfo.activeProcessorCount
        try AnimationError.check(.threads, n, in: 1 ... Int(Int32.max))
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
                DispatchQueue.concurrentPerform(iterations: threads) { worker in
                    var i = worker
                    while i < items {
                        slots.set(i, Result { try job(i, worker) })
                        i += threads
                    }
                }
            }
        }
        return try slots.values()
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
