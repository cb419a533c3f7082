/// A data set of `count` samples in `dimension` dimensions, stored row-major.
///
/// `values` holds N × D doubles: sample `i` occupies `values[i*D ..< (i+1)*D]`.
/// Every value is finite; the initialisers reject anything else so that the EM
/// never sees a NaN it did not make.
public struct Dataset: Sendable, Equatable {
    /// N × D values, row-major.
    public let values: [Double]
    /// N, the number of samples.
    public let count: Int
    /// D, the number of features per sample.
    public let dimension: Int
    /// Names of the D columns when the data came with a header, otherwise `nil`.
    public let columnNames: [String]?

    /// Creates a data set from N × D row-major values.
    ///
    /// - Throws: ``DataError`` when `dimension` is not positive, when the number of values is not a
    ///   multiple of it, when the set is empty, or when a value is NaN or infinite.
    public init(values: [Double], dimension: Int, columnNames: [String]? = nil) throws {
        guard dimension >= 1 else { throw DataError.invalid("dimension must be at least 1, got \(dimension)") }
        guard !values.isEmpty else { throw DataError.invalid("the data set is empty; give at least one sample") }
        guard values.count % dimension == 0 else {
            throw DataError.invalid("\(values.count) values do not divide into rows of \(dimension)")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw DataError.invalid("sample \(bad / dimension + 1), feature \(bad % dimension + 1) is \(values[bad]); every value must be finite")
        }
        if let names = columnNames, names.count != dimension {
            throw DataError.invalid("\(names.count) column names for \(dimension) columns")
        }
        self.values = values
        self.dimension = dimension
        self.count = values.count / dimension
        self.columnNames = columnNames
    }

    /// Creates a data set from rows, each of the same length D ≥ 1.
    public init(rows: [[Double]], columnNames: [String]? = nil) throws {
        guard let first = rows.first else { throw DataError.invalid("the data set is empty; give at least one sample") }
        if let ragged = rows.firstIndex(where: { $0.count != first.count }) {
            throw DataError.invalid("row \(ragged + 1) has \(rows[ragged].count) values, row 1 has \(first.count)")
        }
        try self.init(values: rows.flatMap { $0 }, dimension: first.count, columnNames: columnNames)
    }

    /// Sample `i` as a slice of D values.
    public subscript(sample i: Int) -> ArraySlice<Double> {
        values[(i * dimension) ..< ((i + 1) * dimension)]
    }

    /// The samples as an array of rows (N arrays of D values).
    public var rows: [[Double]] {
        (0 ..< count).map { Array(self[sample: $0]) }
    }

    /// The data restricted to the given 0-based columns, in that order.
    public func selecting(columns: [Int]) throws -> Dataset {
        guard !columns.isEmpty else { throw DataError.invalid("select at least one column") }
        if let bad = columns.first(where: { $0 < 0 || $0 >= dimension }) {
            throw DataError.invalid("column \(bad + 1) does not exist; the data has \(dimension) columns")
        }
        var out = [Double]()
        out.reserveCapacity(count * columns.count)
        for i in 0 ..< count {
            let base = i * dimension
            for c in columns { out.append(values[base + c]) }
        }
        return try Dataset(values: out, dimension: columns.count, columnNames: columnNames.map { names in columns.map { names[$0] } })
    }
}
