/// Which rows of a stream of unknown length a uniform random sample of `capacity` rows keeps:
/// reservoir sampling, Algorithm R (Vitter, "Random Sampling with a Reservoir", 1985).
///
/// Call ``admit()`` once per row, in the stream's order, before reading the row's values: it
/// returns the slot the row goes into (overwriting the row held there), or `nil` when the row
/// is not kept, so a reader can skip converting the numbers of a row it will not keep. After
/// any number of rows, the rows held are a uniform random subset of those seen: each subset of
/// `capacity` rows (or all rows, when fewer were seen) is equally likely.
///
/// Row i (0-based) fills slot i while i < `capacity`; after that it is kept with probability
/// `capacity` / (i + 1), into the slot j drawn uniformly from 0 ..< i + 1 when j < `capacity`.
/// One draw per row beyond the first `capacity`: Vitter's and Li's skipping variants (Algorithms
/// Z and L) draw fewer numbers, but a draw (a few nanoseconds) is small beside scanning the row
/// it decides, and this rule is the simplest to reproduce exactly. The draws come from
/// ``SeededGenerator``, so the same seed and the same stream keep the same rows on every run.
public struct Reservoir: Sendable {
    /// The most rows kept.
    public let capacity: Int
    /// The number of rows offered so far.
    public private(set) var seen = 0
    /// The 0-based position in the stream of the row held in each slot, one per slot filled.
    public private(set) var positions: [Int] = []
    private var generator: SeededGenerator

    /// A reservoir of `capacity` ≥ 1 rows whose draws are a pure function of `seed`.
    ///
    /// - Throws: ``DataError/invalid(_:)`` when `capacity` is below 1.
    public init(capacity: Int, seed: UInt64) throws {
        guard capacity >= 1 else { throw DataError.invalid("a sample needs at least 1 row, got \(capacity)") }
        self.capacity = capacity
        generator = SeededGenerator(seed: seed)
        positions.reserveCapacity(Swift.min(capacity, 1 << 20))
    }

    /// Offers the next row of the stream: the slot (0 ..< ``capacity``) to write it into, or
    /// `nil` when the sample does not keep it.
    public mutating func admit() -> Int? {
        let position = seen
        seen += 1
        if position < capacity {
            positions.append(position)
            return position
        }
        let slot = generator.nextIndex(below: position + 1)
        guard slot < capacity else { return nil }
        positions[slot] = position
        return slot
    }

    /// The slots in the order their rows came in the stream, so a sample keeps the rows'
    /// original order (and the points draw over one another as the whole data set's would).
    public var slotsInStreamOrder: [Int] {
        positions.indices.sorted { positions[$0] < positions[$1] }
    }
}
