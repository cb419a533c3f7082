#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CSVScanner {
    /// Parses CSV bytes into a data set by ``CSVReader``'s rules; `source` names them in errors.
    ///
    /// The bytes go through the same streaming reader as a file (``CSVStreamReader``), a
    /// window of them at a time.
    ///
    /// - Parameters:
    ///   - splitting: how the rows of a window may be cut for parsing on several cores; the
    ///     result does not depend on it, which the tests check by forcing many small pieces.
    ///   - windowBytes: the window's size; the result does not depend on it either, which the
    ///     tests check with windows of a few bytes.
    static func dataset(_ bytes: UnsafeBufferPointer<UInt8>, source: String, columns: [CSVReader.ColumnSelector]?,
                        splitting: Splitting = .automatic, windowBytes: Int = CSVStreamReader.defaultWindowBytes,
                        maxRecordBytes: Int = CSVStreamReader.defaultMaxRecordBytes) throws -> Dataset {
        try CSVStreamReader.dataset(from: MemoryByteSource(bytes), size: bytes.count, source: source, columns: columns,
                                    windowBytes: windowBytes, maxRecordBytes: maxRecordBytes, splitting: splitting,
                                    binaryProblem: "contains NUL bytes, so it is a binary file, not CSV text")
    }

    /// What the first record says: the line it starts on, its number of fields (W), and the
    /// column names when it is a header.
    struct Header {
        var line: Int
        var width: Int
        var names: [String]?
    }

    /// The first record's meaning: a header is a first record with no numeric cell (a quoted
    /// number is a number), whose names must differ.
    func header(of cells: [Cell], line: Int) throws -> Header {
        let hasHeader = !cells.contains { classify($0.start, $0.end) != nil }
        let header: [String]? = hasHeader ? cells.map(name(of:)) : nil
        if let header {
            // Two columns of one name: a name would pick one of them silently.
            var seen = [String: Int]()
            for (i, name) in header.enumerated() {
                if let earlier = seen[name] {
                    throw DataError.duplicateColumnName(source: source, line: line, name: name, first: earlier + 1, second: i + 1)
                }
                seen[name] = i
            }
        }
        return Header(line: line, width: cells.count, names: header)
    }

    /// The 0-based columns picked by `columns`, or the error for a pick that names no column,
    /// which is reported only after the rows (a row of the wrong length is reported first).
    static func resolve(_ columns: [CSVReader.ColumnSelector]?, header: Header, source: String) -> (picked: [Int]?, error: DataError?) {
        guard let columns else { return (nil, nil) }
        do {
            return (try columns.map { selector in
                switch selector {
                case let .position(p):
                    guard p >= 1, p <= header.width else {
                        throw DataError.columnOutOfRange(source: source, position: p, columns: header.width)
                    }
                    return p - 1
                case let .name(n):
                    guard let names = header.names else {
                        throw DataError.columnNameWithoutHeader(source: source, name: n)
                    }
                    guard let i = names.firstIndex(of: n) else {
                        throw DataError.malformed(source: source, line: header.line, column: nil,
                                                  problem: "has no column named \(DataError.quoted(n)); its columns are \(names.map(DataError.quoted).joined(separator: ", "))")
                    }
                    return i
                }
            }, nil)
        } catch let error as DataError {
            return (nil, error)
        } catch {
            return (nil, nil)
        }
    }

    /// The data set from all rows' N × W `values` and what the rows added up to: the columns
    /// read (``columnsRead(totals:header:picked:pickError:source:)``) moved down in place.
    static func finish(values: inout [Double], totals: RowTotals, header: Header, picked: [Int]?, pickError: DataError?,
                       source: String) throws -> Dataset {
        let columnsRead = try columnsRead(totals: totals, header: header, picked: picked, pickError: pickError, source: source)
        if columnsRead != Array(0 ..< header.width) {
            select(columnsRead, in: &values, width: header.width, rows: totals.rows)
        }
        return try Dataset(values: values, dimension: columnsRead.count, columnNames: header.names.map { h in columnsRead.map { h[$0] } })
    }

    /// The errors known only at the end (no rows, a bad pick, no numeric column, the first bad
    /// cell in a column read), then the 0-based columns read: those picked, or else all but
    /// the label columns (those in which no data cell is a number).
    static func columnsRead(totals: RowTotals, header: Header, picked: [Int]?, pickError: DataError?, source: String) throws -> [Int] {
        func fail(_ line: Int?, _ column: Int?, _ problem: String) -> DataError {
            .malformed(source: source, line: line, column: column, problem: problem)
        }
        let width = header.width
        guard totals.rows > 0 else { throw fail(header.line, nil, "has a header but no data rows; add samples below it") }
        if let pickError { throw pickError }

        let columnsRead: [Int]
        if let picked {
            columnsRead = picked
        } else {
            columnsRead = (0 ..< width).filter { totals.textCells[$0] < totals.rows }
            guard !columnsRead.isEmpty else { throw fail(totals.firstRowLine, nil, "has no numeric column\(totals.firstRowHint)") }
        }

        // The first row with a cell that is not a finite number in a column read; in that row,
        // the first such column in the order read.
        if let line = columnsRead.compactMap({ totals.firstBad[$0]?.line }).min(),
           let c = columnsRead.first(where: { totals.firstBad[$0]?.line == line }), let bad = totals.firstBad[c] {
            switch bad.kind {
            case .empty, .text:
                let what = bad.text.isEmpty ? "is empty" : "\(DataError.quoted(bad.text)) is not a number"
                throw fail(line, c + 1, "\(what); every cell of a data column must be a decimal number")
            case .nonFinite:
                throw fail(line, c + 1, "\(DataError.quoted(bad.text)) is not a finite number; remove or replace NaN and infinite values")
            }
        }
        return columnsRead
    }

    /// All data rows from `state.position` to `end`, read in one piece by one thread into
    /// `sink`, a block at a time: the row loop stops when a block is full and goes on in the next.
    func readRowsInOnePiece(width: Int, firstLine: Int, state: inout RowState, into sink: inout ValueBlocks) throws {
        while state.position < end {
            let room = sink.room(atLeast: width)
            var written = 0
            defer { sink.commit(written) }
            try scanRows(width: width, firstLine: firstLine, into: room, count: &written, state: &state)
        }
    }

    /// The columns `picked` (0-based, in that order, possibly repeated) of N × `width` values.
    /// When no more columns are kept than read, rows are moved down within the same buffer.
    static func select(_ picked: [Int], in values: inout [Double], width: Int, rows: Int) {
        let kept = picked.count
        guard kept <= width else {
            var out = [Double]()
            out.reserveCapacity(rows * kept)
            for i in 0 ..< rows {
                for c in picked { out.append(values[i * width + c]) }
            }
            values = out
            return
        }
        var row = [Double](repeating: 0, count: kept)
        values.withUnsafeMutableBufferPointer { v in
            for i in 0 ..< rows {
                // Row i's kept cells go to i·kept ≤ i·width: never past row i's own cells, which
                // are copied out first.
                for (j, c) in picked.enumerated() { row[j] = v[i * width + c] }
                for j in 0 ..< kept { v[i * kept + j] = row[j] }
            }
        }
        values.removeLast(values.count - rows * kept)
    }
}
