#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CSVScanner {
    /// Parses CSV bytes into a data set by ``CSVReader``'s rules; `source` names them in errors.
    ///
    /// - Parameters:
    ///   - known: what the caller already checked of the bytes (``InputFile`` checks as it reads).
    ///   - splitting: how the rows may be cut for parsing on several cores; the result does not
    ///     depend on it, which the tests check by forcing many small pieces.
    static func dataset(_ bytes: UnsafeBufferPointer<UInt8>, source: String, columns: [CSVReader.ColumnSelector]?,
                        known: KnownText = KnownText(), splitting: Splitting = .automatic) throws -> Dataset {
        var bom = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bom = 3 }
        let body = UnsafeBufferPointer(rebasing: bytes[bom...])
        try checkText(bytes, body: body, source: source, known: known)
        guard let start = bytes.baseAddress else { return try Dataset(values: [], dimension: 1) }
        return try CSVScanner(start: start + bom, end: start + bytes.count, source: source).dataset(columns: columns, splitting: splitting)
    }

    func dataset(columns: [CSVReader.ColumnSelector]?, splitting: Splitting = .automatic) throws -> Dataset {
        guard let first = try firstLine() else { throw fail(nil, nil, "has no data: every line is blank") }

        // A header is a first record with no numeric cell (a quoted number is a number).
        let width = first.cells.count
        let hasHeader = !first.cells.contains { classify($0.start, $0.end) != nil }
        let header: [String]? = hasHeader ? first.cells.map(name(of:)) : nil
        if let header {
            // Two columns of one name: a name would pick one of them silently.
            var seen = [String: Int]()
            for (i, name) in header.enumerated() {
                if let earlier = seen[name] {
                    throw DataError.duplicateColumnName(source: source, line: first.number, name: name, first: earlier + 1, second: i + 1)
                }
                seen[name] = i
            }
        }

        // Which columns to read, when picked; an error here is reported only after the rows
        // (a row of the wrong length is reported first).
        var picked: [Int]?
        var pickError: DataError?
        if let columns {
            do {
                picked = try columns.map { selector in
                    switch selector {
                    case let .position(p):
                        guard p >= 1, p <= width else {
                            throw DataError.columnOutOfRange(source: source, position: p, columns: width)
                        }
                        return p - 1
                    case let .name(n):
                        guard let header else {
                            throw DataError.columnNameWithoutHeader(source: source, name: n)
                        }
                        guard let i = header.firstIndex(of: n) else {
                            throw fail(first.number, nil, "has no column named \(DataError.quoted(n)); its columns are \(header.map(DataError.quoted).joined(separator: ", "))")
                        }
                        return i
                    }
                }
            } catch let error as DataError {
                pickError = error
            }
        }

        var state = RowState(position: hasHeader ? first.next : first.start, line: hasHeader ? first.lastLine : first.number - 1,
                             textCells: Array(repeating: 0, count: width), firstBad: Array(repeating: nil, count: width))
        var values = try readRows(width: width, firstLine: first.number, state: &state, splitting: splitting)
        guard state.rows > 0 else { throw fail(first.number, nil, "has a header but no data rows; add samples below it") }
        if let pickError { throw pickError }

        // Without a choice, leave out label columns: those in which no data cell is a number.
        let columnsRead: [Int]
        if let picked {
            columnsRead = picked
        } else {
            columnsRead = (0 ..< width).filter { state.textCells[$0] < state.rows }
            guard !columnsRead.isEmpty else {
                let sample = state.firstRowStart.map(lineText(from:)) ?? ""
                let hint = sample.contains(";") || sample.contains("\t")
                    ? "; the values look separated by \(sample.contains(";") ? "';'" : "tabs"), but gmmviz reads comma-separated values"
                    : ""
                throw fail(state.firstRowLine, nil, "has no numeric column\(hint)")
            }
        }

        // The first row with a cell that is not a finite number in a column read; in that row,
        // the first such column in the order read.
        if let line = columnsRead.compactMap({ state.firstBad[$0]?.line }).min(),
           let c = columnsRead.first(where: { state.firstBad[$0]?.line == line }), let bad = state.firstBad[c] {
            let cell = cellText(base + bad.start, base + bad.end, quoted: bad.quoted)
            switch bad.kind {
            case .empty, .text:
                let what = cell.isEmpty ? "is empty" : "\(DataError.quoted(cell.prefix(40))) is not a number"
                throw fail(line, c + 1, "\(what); every cell of a data column must be a decimal number")
            case .nonFinite:
                throw fail(line, c + 1, "\(DataError.quoted(cell.prefix(40))) is not a finite number; remove or replace NaN and infinite values")
            }
        }

        if columnsRead != Array(0 ..< width) {
            Self.select(columnsRead, in: &values, width: width, rows: state.rows)
        }
        return try Dataset(values: values, dimension: columnsRead.count, columnNames: header.map { h in columnsRead.map { h[$0] } })
    }

    /// All data rows as N × `width` values, read in one piece by one thread. The buffer is sized
    /// from the bytes per row of the first lines, with a margin; if the rows turn out shorter it
    /// grows once more by the measured average, so there is no doubling and no copy in the usual
    /// case.
    func readRowsInOnePiece(width: Int, firstLine: Int, state: inout RowState) throws -> [Double] {
        let rowsStart = state.position
        var values = [Double]()
        while state.position < end {
            let remaining = end - state.position
            let bytesPerRow: Double
            if state.rows > 0 {
                bytesPerRow = Double(state.position - rowsStart) / Double(state.rows)
            } else {
                bytesPerRow = Double(sampleLineLength(from: rowsStart))
            }
            let estimate = Int(Double(remaining) / max(bytesPerRow, 1) * 1.1) + 16
            // Never more rows than could fit: each needs at least 2 bytes per cell.
            let rows = min(estimate, remaining / (2 * width) + 1)
            let old = values
            values = []
            values = try [Double](unsafeUninitializedCapacity: old.count + max(rows, state.rows / 4) * width) { buffer, count in
                if let destination = buffer.baseAddress {
                    old.withUnsafeBufferPointer { source in
                        if let from = source.baseAddress { destination.initialize(from: from, count: source.count) }
                    }
                }
                count = old.count
                try scanRows(width: width, firstLine: firstLine, into: buffer, count: &count, state: &state)
            }
        }
        return values
    }

    /// The mean length in bytes of the lines in the first 64 KiB from `start` (at most 256 of
    /// them), or of the first line when it is longer.
    func sampleLineLength(from start: UnsafePointer<UInt8>) -> Int {
        var q = start
        var lines = 0
        let limit = min(end, start + (1 << 16))
        while lines < 256, q < limit, let lineEnd = memchr(q, Int32(separator), limit - q) {
            q = UnsafePointer(lineEnd.assumingMemoryBound(to: UInt8.self)) + 1
            lines += 1
        }
        guard lines > 0 else { return max(1, end - start) }
        return max(1, (q - start) / lines)
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
