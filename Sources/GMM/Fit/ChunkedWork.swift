import Dispatch
import Foundation

/// Deterministic data-parallel loops over the samples.
///
/// The samples are cut into chunks of a fixed size that does not depend on the number of
/// threads. Each chunk accumulates its partial sums in its own slot, in sample order, and the
/// slots are then added in chunk order. The floating-point operations, and so the bits of the
/// result, are the same whether one thread or sixteen do the work.
struct ChunkedWork {
    /// Samples per chunk: large enough to amortise scheduling, small enough to balance two
    /// cores on the demo's 300 samples (one chunk) and on a million (245 chunks).
    static let chunkSize = 4096

    let samples: Int
    let workers: Int

    var chunkCount: Int { (samples + Self.chunkSize - 1) / Self.chunkSize }

    init(samples: Int, threads: Int?) {
        self.samples = samples
        let cores = threads ?? ProcessInfo.processInfo.activeProcessorCount
        self.workers = max(1, min(cores, (samples + Self.chunkSize - 1) / Self.chunkSize))
    }

    /// The samples of chunk `c`.
    static func rows(ofChunk c: Int, samples: Int) -> Range<Int> {
        (c * chunkSize) ..< min(samples, (c + 1) * chunkSize)
    }

    /// Calls `body(worker, chunk, rows)` once per chunk; chunks run concurrently when
    /// `workers` > 1. Worker w (0 ..< `workers`) runs chunks w, w + workers, … in turn, so
    /// `body` may use storage owned by its worker as scratch; it must write results only to
    /// storage owned by its chunk.
    func forEachChunk(_ body: (Int, Int, Range<Int>) -> Void) {
        let count = chunkCount, samples = self.samples
        if workers == 1 {
            for c in 0 ..< count { body(0, c, Self.rows(ofChunk: c, samples: samples)) }
            return
        }
        let stride = workers
        // Dispatch wants a @Sendable closure; the chunks write disjoint storage, which is the
        // property Sendable would otherwise guarantee.
        withoutActuallyEscaping(body) { body in
            let task = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: stride) { w in
                var c = w
                while c < count {
                    task.value(w, c, Self.rows(ofChunk: c, samples: samples))
                    c += stride
                }
            }
        }
    }
}

/// A value handed to concurrent workers that only read it, or write disjoint parts of memory it
/// points to.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
