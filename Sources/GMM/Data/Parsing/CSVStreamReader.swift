#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CSV a window at a time, so that the input's text is never in memory whole.
///
/// A ``ByteWindow`` of ``defaultWindowBytes`` holds the next bytes. The reader cuts it after
/// its last complete record — the last separator after an even number of quotes from the
/// window's start, which is a record start (see `CSVScanner+Cells.swift` for why the count
/// tells) — and hands the records before the cut to the row loop (`CSVScanner`, on several
/// cores for a large window), which writes their values straight into ``ValueBlocks``. The
/// bytes after the cut move to the front and the window reads on. At the end of the input the
/// rest is the last chunk, whether or not it ends with a line end.
///
/// Memory: the values (N × W doubles, in the array that becomes the data set's, sized once
/// from the file's size and the bytes per row of the first window; see ``ValueBlocks``), the
/// window, and the first bad cell per column. The window grows only to hold one record longer
/// than it (a very wide row, or a quoted field spanning many lines), never past
/// ``defaultMaxRecordBytes``: such input is refused with a message rather than read whole.
///
/// The outcome is the whole-input reader's, for any window size: the same values bit for bit,
/// the same error. Errors keep their order of precedence — a NUL byte anywhere (binary data,
/// UTF-16 or UTF-32), then a UTF-16 or UTF-32 byte-order mark, then the first byte that is not
/// UTF-8, then the first malformed row, then what is known only at the end — so a row error
/// does not stop the read: the rest of the input is still read and checked (``drain(after:)``)
/// for the errors that come first. The line separator is LF when the input holds one anywhere;
/// the first window grows until it holds an LF or the whole input, so an input with CR-only line
/// ends (classic Mac OS) is read whole, as every input was before.
struct CSVStreamReader {
    /// 16 MiB: large enough to give each core several pieces of a few MiB, small enough to be
    /// cheap next to the values of any input that needs streaming.
    static let defaultWindowBytes = 16 << 20
    /// 1 GiB, the most bytes a record (a row, with the lines inside its quoted fields) or the
    /// start of an input without LF may take: what the reader of whole files accepted as a file.
    static let defaultMaxRecordBytes = 1 << 30

    let source: String
    let window: ByteWindow
    let splitting: CSVScanner.Splitting
    /// The input's size in bytes when known before reading (a regular file, bytes in memory).
    let size: Int?
    /// The line separator: LF, or CR for an input with CRs and no LF.
    var separator = CSVScanner.lf
    /// The physical lines before the window's first byte.
    var lines = 0

    /// Reads a data set from `input` by ``CSVReader``'s rules.
    ///
    /// - Parameters:
    ///   - size: the input's size, when known, from which the values' array is sized.
    ///   - binaryProblem: the message for an input with NUL bytes that is not UTF-16 or UTF-32.
    static func dataset(from input: any ByteSource, size: Int?, source: String, columns: [CSVReader.ColumnSelector]?,
                        windowBytes: Int, maxRecordBytes: Int, splitting: CSVScanner.Splitting, binaryProblem: String) throws -> Dataset {
        let window = ByteWindow(source: input, capacity: windowBytes, maxCapacity: maxRecordBytes) { head in
            if let (encoding, evidence) = head.withUnsafeBufferPointer(TextEncoding.recognise) {
                return .otherEncoding(source: source, encoding: encoding, evidence: evidence)
            }
            return .malformed(source: source, line: nil, column: nil, problem: binaryProblem)
        }
        var reader = CSVStreamReader(source: source, window: window, splitting: splitting, size: size)
        return try reader.read(columns: columns)
    }

    func fail(_ line: Int?, _ column: Int?, _ problem: String) -> DataError {
        .malformed(source: source, line: line, column: column, problem: problem)
    }

    /// The scanner of the window's bytes `0 ..< end`.
    func scanner(to end: Int) -> CSVScanner {
        CSVScanner(base: window.bytes, end: window.bytes + end, separator: separator, source: source)
    }

    /// Where the rows start: the first record read as a header or not, the columns picked,
    /// and the row loop's state at the first data row, in the chunk that ends at `cut`.
    struct Start {
        var header: CSVScanner.Header
        var picked: [Int]?
        var pickError: DataError?
        var state: CSVScanner.RowState
        var cut: Int
    }

    /// Reads up to the first record: the empty input, byte-order marks, the line separator,
    /// leading blank lines, the header.
    mutating func start(columns: [CSVReader.ColumnSelector]?) throws -> Start {
        try window.fill()
        guard window.count > 0 else {
            throw fail(nil, nil, "the file is empty; expected comma-separated numbers, one sample per line")
        }
        let bytes = window.buffer()
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            window.consume(3)
        } else if let encoding = TextEncoding.byteOrderMark(bytes) {
            // The text is not UTF-8; only a NUL byte further on would be reported instead.
            try skipToEnd()
            throw DataError.otherEncoding(source: source, encoding: encoding, evidence: .byteOrderMark)
        }
        try chooseSeparator()

        // The first non-blank record, in the first chunk that has one.
        var cut: Int
        var first: (number: Int, lastLine: Int, start: UnsafePointer<UInt8>, cells: [CSVScanner.Cell], next: UnsafePointer<UInt8>)?
        while true {
            cut = try nextChunk()
            do {
                first = try scanner(to: cut).firstLine(linesBefore: lines)
            } catch let error as DataError {
                try drain(after: error)
            }
            if first != nil { break }
            if window.atEnd, cut == window.count {
                try drain(after: fail(nil, nil, "has no data: every line is blank"))
            }
            lines += ByteScan.count(separator, in: window.buffer(0, cut))
            window.consume(cut)
            try window.fill()
        }
        guard let first else { throw fail(nil, nil, "has no data: every line is blank") }
        let header: CSVScanner.Header
        do {
            header = try scanner(to: cut).header(of: first.cells, line: first.number)
        } catch let error as DataError {
            try drain(after: error)
        }
        let (picked, pickError) = CSVScanner.resolve(columns, header: header, source: source)
        let state = CSVScanner.RowState(position: header.names != nil ? first.next : first.start,
                                        line: header.names != nil ? first.lastLine : first.number - 1,
                                        textCells: Array(repeating: 0, count: header.width), firstBad: Array(repeating: nil, count: header.width))
        return Start(header: header, picked: picked, pickError: pickError, state: state, cut: cut)
    }

    /// Reads the data set: all rows into the array that becomes its values.
    mutating func read(columns: [CSVReader.ColumnSelector]?) throws -> Dataset {
        let start = try start(columns: columns)
        var totals = CSVScanner.RowTotals(width: start.header.width)
        var values = [Double]()
        var blocks: ValueBlocks?
        let slots = firstBlockSlots(rowsFrom: start.state.position - UnsafePointer(window.bytes), cut: start.cut, width: start.header.width)
        values = try [Double](unsafeUninitializedCapacity: slots) { buffer, count in
            var sink = ValueBlocks(first: buffer)
            do {
                try readRows(from: start, totals: &totals, into: &sink)
            } catch {
                sink.release()
                throw error
            }
            count = sink.firstCount
            blocks = sink
        }
        blocks?.join(into: &values)
        return try CSVScanner.finish(values: &values, totals: totals, header: start.header, picked: start.picked,
                                     pickError: start.pickError, source: source)
    }

    /// Visits the rows a chunk at a time through one reused buffer (``CSVReader/visitRows(path:columns:_:)``).
    mutating func visitRows(columns: [CSVReader.ColumnSelector]?, _ visit: (CSVReader.RowBlock) throws -> Void) throws -> CSVReader.RowLayout {
        let start = try start(columns: columns)
        let width = start.header.width
        var totals = CSVScanner.RowTotals(width: width)
        var visited = 0
        // Room for a window's rows at two bytes per cell (fewer bytes only on blank lines);
        // only the slots written are touched, and the same ones again for every window.
        let slots = max(window.capacity / 2, width)
        let storage = UnsafeMutablePointer<Double>.allocate(capacity: slots)
        defer { storage.deallocate() }
        var sink = ValueBlocks(first: UnsafeMutableBufferPointer(start: storage, count: slots))
        defer { sink.release() }
        try readRows(from: start, totals: &totals, into: &sink) { sink in
            try sink.forEachBlock { values in
                try visit(CSVReader.RowBlock(values: values, width: width, firstRow: visited))
                visited += values.count / width
            }
            sink.reset()
        }
        let read = try CSVScanner.columnsRead(totals: totals, header: start.header, picked: start.picked,
                                              pickError: start.pickError, source: source)
        return CSVReader.RowLayout(count: totals.rows, columns: read, columnNames: start.header.names.map { h in read.map { h[$0] } })
    }

    /// Reads the rows from `start` to the end of the input, chunk by chunk, into `sink`;
    /// `afterChunk` sees the sink after each chunk (and may empty it).
    mutating func readRows(from start: Start, totals: inout CSVScanner.RowTotals, into sink: inout ValueBlocks,
                           afterChunk: (inout ValueBlocks) throws -> Void = { _ in }) throws {
        let width = start.header.width
        var state = start.state
        var cut = start.cut
        while true {
            let chunk = scanner(to: cut)
            do {
                try chunk.readRows(width: width, firstLine: start.header.line, state: &state, splitting: splitting, into: &sink)
            } catch let error as DataError {
                try drain(after: error)
            }
            totals.add(state, from: chunk)
            lines = state.line
            try afterChunk(&sink)
            window.consume(cut)
            if window.atEnd, window.count == 0 { return }
            try window.fill()
            cut = try nextChunk()
            state = CSVScanner.RowState(position: UnsafePointer(window.bytes), line: lines, textCells: Array(repeating: 0, count: width),
                                        firstBad: Array(repeating: nil, count: width))
        }
    }

    /// The size of the first block of values: from the rows' bytes in the first chunk
    /// (`rowsFrom ..< cut` of the window), N × `width` slots for all rows when the window
    /// holds the whole input; for a larger input of known size, its remaining bytes over the
    /// bytes per line seen, with a margin of a quarter (never more than the most rows the
    /// bytes could hold, two bytes per cell); for a pipe, twice the rows seen.
    func firstBlockSlots(rowsFrom: Int, cut: Int, width: Int) -> Int {
        let seen = window.buffer(rowsFrom, cut)
        var lines = ByteScan.count(separator, in: seen)
        if let last = seen.last, last != separator { lines += 1 }
        if window.atEnd, cut == window.count { return max(1, lines) * width }
        guard let size else { return (2 * lines + 16) * width }
        let remaining = max(0, size - window.offset - rowsFrom)
        let bytesPerLine = max(1, seen.count / max(1, lines))
        let estimate = remaining / bytesPerLine + remaining / bytesPerLine / 4 + 1024
        return min(estimate, remaining / (2 * width) + 1) * width
    }

    /// Decides the line separator from the first window: LF when it holds one, else CR when it
    /// holds one. A window without LF grows until it holds one or ends the input, since an LF
    /// anywhere makes LF the separator.
    mutating func chooseSeparator() throws {
        while memchr(window.bytes, Int32(CSVScanner.lf), window.count) == nil, !window.atEnd {
            guard window.grow() else {
                separator = memchr(window.bytes, Int32(CSVScanner.cr), window.count) != nil ? CSVScanner.cr : CSVScanner.lf
                try drain(after: tooLong())
            }
            try window.fill()
        }
        if memchr(window.bytes, Int32(CSVScanner.lf), window.count) != nil {
            separator = CSVScanner.lf
        } else {
            separator = memchr(window.bytes, Int32(CSVScanner.cr), window.count) != nil ? CSVScanner.cr : CSVScanner.lf
        }
    }

    /// The error for a record that does not fit in the largest window.
    func tooLong() -> DataError {
        fail(lines + 1, nil, "starts a row longer than \(window.maxCapacity >> 20) MiB (a quoted field never closed, or no line breaks); give one sample per line")
    }

    /// The end of the next chunk to parse: the whole window at the end of the input, else the
    /// byte after its last complete record; the window grows until it holds one.
    mutating func nextChunk() throws -> Int {
        while true {
            if let cut = window.atEnd ? window.count : lastRecordEnd() {
                try checkUTF8(before: cut)
                return cut
            }
            guard window.grow() else { try drain(after: tooLong()) }
            try window.fill()
        }
    }

    /// The index after the last separator in the window that has an even number of quotes
    /// before it, or `nil` when there is none.
    func lastRecordEnd() -> Int? {
        let held = window.buffer()
        var quotesAfter = 0
        let quotes = ByteScan.count(CSVScanner.quote, in: held)
        var i = held.count
        while i > 0 {
            i -= 1
            let b = held[i]
            if b == CSVScanner.quote {
                quotesAfter += 1
            } else if b == separator, (quotes - quotesAfter) % 2 == 0 {
                return i + 1
            }
        }
        return nil
    }

    /// Checks that the window's bytes before `end` (a record start or the end of the input, so
    /// no UTF-8 sequence is cut) are UTF-8, when any of them is not ASCII.
    mutating func checkUTF8(before end: Int) throws {
        guard !window.isASCII(before: end) else { return }
        let chunk = window.buffer(0, end)
        guard String(validating: chunk, as: UTF8.self) == nil, let bad = CSVScanner.firstInvalidUTF8(chunk) else { return }
        var place = Place(line: lines + 1, separator: separator)
        place.advance(over: window.buffer(0, bad))
        let error = DataError.notUTF8(source: source, line: place.line, column: place.column, byte: chunk[bad])
        try skipToEnd()
        throw error
    }
}
