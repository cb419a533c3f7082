import Foundation

/// The N × K responsibilities of the data under each snapshot, computed once per snapshot and
/// shared by every frame that shows them.
///
/// A snapshot's responsibilities serve several frames: in `em` mode the E-step frame of
/// iteration i, the M-step frame of i and the E-step frame of i + 1 (which compares with
/// them); with tweens, every interpolated frame on either side. Without the cache each frame
/// would run its own E-step over the data.
///
/// Memory is bounded: the cache keeps at most `budgetBytes` of matrices (and at least the
/// four most recent, which one batch of frames needs), evicting the lowest snapshot first,
/// since frames are produced in timeline order. Values are a pure function of the history and
/// the data, so whether a lookup hits changes no output. Safe to use from many workers: a
/// snapshot asked for by two workers at once may be computed twice, never stored twice.
public final class ResponsibilityCache: @unchecked Sendable {
    /// The most memory the cache holds: 256 MiB (a million points of 8 components is 64 MiB a
    /// snapshot).
    static let budgetBytes = 256 << 20

    private let builder: SceneBuilder
    private let capacity: Int
    private var entries: [Int: [Double]] = [:]
    private let lock = NSLock()

    /// An empty cache for `builder`'s snapshots.
    public init(builder: SceneBuilder) {
        self.builder = builder
        let bytes = max(1, builder.data.count * builder.history.components * MemoryLayout<Double>.stride)
        capacity = max(4, Self.budgetBytes / bytes)
    }

    /// The responsibilities under snapshot `index`, from the cache or computed now.
    public func responsibilities(at index: Int) throws -> [Double] {
        lock.lock()
        let hit = entries[index]
        lock.unlock()
        if let hit { return hit }
        let computed = try builder.responsibilities(at: index)
        lock.lock()
        defer { lock.unlock() }
        if let stored = entries[index] { return stored }
        if entries.count >= capacity, let oldest = entries.keys.min() { entries[oldest] = nil }
        entries[index] = computed
        return computed
    }
}
