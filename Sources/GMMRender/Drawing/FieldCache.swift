import Foundation

/// The prepared background of one plot — the tinted/shaded image and the contour segments —
/// keyed by everything it depends on: the projected components, the plot and window, the
/// device scale, the theme and what is drawn.
///
/// Within an animation the E-step and M-step frames of one snapshot, its tweens' endpoints and
/// every repeated frame share one entry, so the grid is computed once per snapshot. A lock
/// guards the table because frames are rendered on several threads at once; a computation runs
/// outside it, so two threads may both compute one entry, with identical results.
///
/// This is shared mutable state in a library of value types, kept because a cache that lived
/// in a ``FrameRenderer`` value would be copied away with it; its size is bounded.
final class FieldCache: @unchecked Sendable {
    struct Key: Hashable {
        var components: [SceneComponent]
        var plot: [Double]
        var window: [Double]
        var scale: Double
        var colors: [UInt32]
        var regions: Bool
        var density: DensityStyle
    }

    /// What a frame draws from a field.
    struct Drawing: Sendable {
        /// `height` rows of `width` 0x00RRGGBB device pixels starting at device pixel (`x`, `y`);
        /// empty when only contours are drawn.
        var pixels: [UInt32]
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        /// One list of polylines (logical pixels) per entry of ``DensityLevels/masses``.
        var contours: [[[Point2]]]
    }

    static let shared = FieldCache()
    /// Entries kept: a few frames' worth of snapshots in flight on every worker.
    static let capacity = 64

    private var entries = [Key: Drawing]()
    private var order = [Key]()
    private let lock = NSLock()

    func drawing(for key: Key, make: () -> Drawing) -> Drawing {
        lock.lock()
        if let hit = entries[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = make()
        lock.lock()
        defer { lock.unlock() }
        if entries[key] == nil {
            entries[key] = value
            order.append(key)
            if order.count > Self.capacity { entries[order.removeFirst()] = nil }
        }
        return value
    }

    /// Forgets every entry (for tests that compare a computed field with a fresh one).
    func removeAll() {
        lock.lock()
        entries.removeAll()
        order.removeAll()
        lock.unlock()
    }
}
