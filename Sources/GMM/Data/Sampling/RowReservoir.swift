/// A uniform random sample of the rows of a data set read one row at a time, of at most
/// ``capacity`` rows of D values each: a ``Reservoir`` holding the kept rows' values.
///
/// A reader streaming a file calls ``offer(_:)`` per row (or ``Reservoir/admit()`` through
/// ``admit()`` first, to skip converting a row the sample will not keep) and then
/// ``dataset(columnNames:)``. Memory stays at `capacity` × D doubles however long the stream.
public struct RowReservoir: Sendable {
    /// D, the number of values per row.
    public let dimension: Int
    private var reservoir: Reservoir
    /// `capacity` × D values, row-major by slot.
    private var values: [Double] = []

    /// A sample of at most `capacity` ≥ 1 rows of `dimension` ≥ 1 values, drawn with `seed`.
    ///
    /// - Throws: ``DataError/invalid(_:)`` when `capacity` or `dimension` is below 1.
    public init(capacity: Int, dimension: Int, seed: UInt64) throws {
        guard dimension >= 1 else { throw DataError.invalid("dimension must be at least 1, got \(dimension)") }
        reservoir = try Reservoir(capacity: capacity, seed: seed)
        self.dimension = dimension
    }

    /// The most rows kept.
    public var capacity: Int { reservoir.capacity }
    /// The number of rows offered so far: the size of the data set the sample is drawn from.
    public var seen: Int { reservoir.seen }

    /// Offers the next row's slot decision without its values: the slot to hand to
    /// ``store(_:in:)``, or nil when the row is not kept.
    public mutating func admit() -> Int? {
        reservoir.admit()
    }

    /// Writes a row's D values into `slot`, a slot ``admit()`` returned for it.
    ///
    /// - Throws: ``DataError/invalid(_:)`` when the row does not hold D values.
    public mutating func store<Row: Collection>(_ row: Row, in slot: Int) throws where Row.Element == Double {
        guard row.count == dimension else {
            throw DataError.invalid("row \(seen) has \(row.count) values, the sample's rows have \(dimension)")
        }
        let base = slot * dimension
        guard base <= values.count else {
            throw DataError.invalid("slot \(slot) written before the slots below it; store each admitted row in the slot admit() returned")
        }
        if base == values.count {
            values.append(contentsOf: row)
        } else {
            var i = base
            for v in row {
                values[i] = v
                i += 1
            }
        }
    }

    /// Offers the next row: kept or not by the reservoir's draw.
    ///
    /// - Throws: ``DataError/invalid(_:)`` when the row does not hold D values.
    public mutating func offer<Row: Collection>(_ row: Row) throws where Row.Element == Double {
        guard let slot = admit() else { return }
        try store(row, in: slot)
    }

    /// The rows kept, in the order they came, as a data set.
    ///
    /// - Throws: ``DataError`` when no row was offered, or a value is not finite.
    public func dataset(columnNames: [String]? = nil) throws -> Dataset {
        var out = [Double]()
        out.reserveCapacity(values.count)
        for slot in reservoir.slotsInStreamOrder {
            out.append(contentsOf: values[(slot * dimension) ..< ((slot + 1) * dimension)])
        }
        return try Dataset(values: out, dimension: dimension, columnNames: columnNames)
    }
}
