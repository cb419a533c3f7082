extension CSVReader {
    /// Consecutive data rows of a CSV input, as ``CSVReader/visitRows(path:columns:_:)`` hands
    /// them over: valid only during the call that receives them.
    public struct RowBlock {
        /// The rows' values, row-major, ``width`` per row: every field of the file in file
        /// order (label columns too, as NaN, as are cells that are not finite numbers).
        public let values: UnsafeBufferPointer<Double>
        /// The number of fields per row (W).
        public let width: Int
        /// The 0-based index among all data rows of the block's first row.
        public let firstRow: Int

        /// The number of rows in the block.
        public var count: Int { values.count / width }

        /// Row `i` of the block (0-based) as W values.
        public subscript(row i: Int) -> UnsafeBufferPointer<Double> {
            UnsafeBufferPointer(rebasing: values[(i * width) ..< ((i + 1) * width)])
        }
    }

    /// What ``CSVReader/visitRows(path:columns:_:)`` learnt once every row was seen: which
    /// fields of a visited row make up a sample.
    public struct RowLayout: Sendable, Equatable {
        /// N, the number of data rows visited.
        public let count: Int
        /// The fields (0-based, within a visited row of W) that are the data set's columns, in
        /// order: those picked, or all but the label columns.
        public let columns: [Int]
        /// The names of those columns when the file has a header, otherwise `nil`.
        public let columnNames: [String]?
    }

    /// Visits the data rows of the file at `path` (`"-"` reads standard input) in file order,
    /// a block at a time, without keeping them: for a reader that keeps only some rows (a
    /// sample), so that memory holds one window of the text (16 MiB) and one block of values
    /// (the rows of that window), whatever the file's size.
    ///
    /// The rows are read by the rules of ``read(path:columns:)``, but which columns make up the
    /// data set is known only at the end (a label column is one in which no cell is a number),
    /// so each row is visited whole, with NaN for every cell that is not a finite number. After
    /// the last block the reader makes the checks ``read(path:columns:)`` makes and throws the
    /// same ``DataError`` for the same input — a row of the wrong length, a bad cell in a
    /// column read, a file that is not UTF-8 — so the rows visited are usable only when the
    /// call returns; it then says which fields of each row to keep.
    ///
    /// - Parameters:
    ///   - path: the CSV file; `"-"` reads standard input.
    ///   - columns: the columns to keep, as in ``read(path:columns:)``; `nil` keeps all but the
    ///     label columns.
    ///   - visit: called once per block, in order; an error it throws ends the read.
    public static func visitRows(path: String, columns: [ColumnSelector]? = nil,
                                 _ visit: (RowBlock) throws -> Void) throws -> RowLayout {
        try visitRows(path: path, columns: columns, windowBytes: CSVStreamReader.defaultWindowBytes, visit)
    }

    /// ``visitRows(path:columns:_:)`` with the window's size given, for tests.
    static func visitRows(path: String, columns: [ColumnSelector]?, windowBytes: Int,
                          _ visit: (RowBlock) throws -> Void) throws -> RowLayout {
        let input = try InputFile.open(path: path, kind: .samples)
        defer { input.close() }
        let source = InputFile.sourceName(path)
        let window = ByteWindow(source: FileByteSource(fd: input.fd, source: source), capacity: windowBytes,
                                maxCapacity: CSVStreamReader.defaultMaxRecordBytes) { head in
            if let (encoding, evidence) = head.withUnsafeBufferPointer(TextEncoding.recognise) {
                return .otherEncoding(source: source, encoding: encoding, evidence: evidence)
            }
            return .malformed(source: source, line: nil, column: nil, problem: "contains NUL bytes, so it is a binary file, not text")
        }
        var reader = CSVStreamReader(source: source, window: window, splitting: .automatic, size: input.regularSize)
        return try reader.visitRows(columns: columns, visit)
    }
}
