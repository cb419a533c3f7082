/// Where the row loop writes values: the buffer of the array that becomes the data set's, and
/// more blocks when that one turns out too small.
///
/// The first block is sized before the rows are read, from the input's size and the bytes per
/// row of its first window, with a margin (its unused tail is never touched, so it costs
/// address space, not memory). When it is full (a pipe, whose size is not known; or rows far
/// shorter than the first ones) each further block is a separate allocation of at least
/// 32 MiB — above the size from which `malloc` maps memory of its own, so freeing one returns
/// its pages at once — and at the end ``joined(_:)`` copies all blocks into one array of the
/// exact size, freeing each block as soon as it is copied. The peak is then the values plus the
/// largest block — a block holds at least an eighth of the values before it, so the peak is at
/// most about 1.125 times the values, plus 32 MiB — never twice the values, as growing one
/// array by doubling would be, and there are only a few dozen blocks however long the input.
struct ValueBlocks {
    /// A block of `capacity` values, the first `count` of them written.
    struct Block {
        let start: UnsafeMutablePointer<Double>
        let capacity: Int
        var count: Int
    }

    /// The first block: the buffer of the array the caller made.
    let first: UnsafeMutableBufferPointer<Double>
    /// Values written to the first block.
    private(set) var firstCount = 0
    /// The blocks after the first, in order.
    private(set) var more: [Block] = []
    /// The fewest values in a further block: 32 MiB.
    static let minimumBlock = 1 << 22

    init(first: UnsafeMutableBufferPointer<Double>) {
        self.first = first
    }

    /// All values written.
    var total: Int { firstCount + more.reduce(0) { $0 + $1.count } }

    /// Room for at least `slots` values right after the last ones written, in one piece: the
    /// rest of the current block when it is large enough, otherwise a new block (the rest of
    /// the current one stays unused).
    mutating func room(atLeast slots: Int) -> UnsafeMutableBufferPointer<Double> {
        if let last = more.last {
            if last.capacity - last.count >= slots { return UnsafeMutableBufferPointer(start: last.start + last.count, count: last.capacity - last.count) }
        } else if let base = first.baseAddress, first.count - firstCount >= slots {
            return UnsafeMutableBufferPointer(start: base + firstCount, count: first.count - firstCount)
        }
        let capacity = max(slots, Self.minimumBlock, total / 8)
        let start = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
        HugePages.advise(start, byteCount: capacity * MemoryLayout<Double>.stride)
        more.append(Block(start: start, capacity: capacity, count: 0))
        return UnsafeMutableBufferPointer(start: start, count: capacity)
    }

    /// Counts `n` more values as written at the start of the last ``room(atLeast:)``.
    mutating func commit(_ n: Int) {
        if more.isEmpty {
            firstCount += n
        } else {
            more[more.count - 1].count += n
        }
    }

    /// The values written, block by block in order.
    func forEachBlock(_ body: (UnsafeBufferPointer<Double>) throws -> Void) rethrows {
        if firstCount > 0 { try body(UnsafeBufferPointer(rebasing: first[0 ..< firstCount])) }
        for block in more where block.count > 0 { try body(UnsafeBufferPointer(start: block.start, count: block.count)) }
    }

    /// Forgets the values written and frees the further blocks, so that the first block is
    /// written again from its start.
    mutating func reset() {
        release()
        firstCount = 0
    }

    /// Frees the further blocks (after a failure, or once they are copied).
    mutating func release() {
        for block in more { block.start.deallocate() }
        more = []
    }

    /// Makes `array` (whose buffer is ``first``, holding ``firstCount`` values) all values in
    /// order: as it is when no further block was needed, otherwise a new array of the exact
    /// size, into which the first array and then each block is copied and freed.
    mutating func join(into array: inout [Double]) {
        guard !more.isEmpty else { return }
        let blocks = more
        more = []
        array = [Double](unsafeUninitializedCapacity: array.count + blocks.reduce(0) { $0 + $1.count }) { out, count in
            guard let base = out.baseAddress else { return }
            HugePages.advise(base, byteCount: out.count * MemoryLayout<Double>.stride)
            array.withUnsafeBufferPointer { if let from = $0.baseAddress { base.initialize(from: from, count: $0.count) } }
            count = array.count
            array = []
            for block in blocks {
                (base + count).initialize(from: block.start, count: block.count)
                count += block.count
                block.start.deallocate()
            }
        }
    }
}
