#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pass over CSV bytes that writes every cell's value straight into one `[Double]`.
///
/// The rules are ``CSVReader``'s; this type only makes them fast. The first non-blank record is
/// read cell by cell to decide whether it is a header and how many fields a row has (W). Every
/// later line goes through the row loop: skip spaces (and the quote of a quoted number),
/// convert the number in place with ``DecimalParser``, expect a `,` (or the line end after the
/// W-th cell), store the value. No line or cell is ever copied; a cell leaves the fast path only
/// when it is not a finite number (or holds quotes), and then it goes through the RFC 4180
/// lexer (`CSVScanner+Cells.swift`) and is remembered (the first per column, by byte offsets)
/// rather than reported at once, because which columns count — label columns are left out — is
/// known only at the end. Line numbers count physical lines, so a row after a quoted line
/// break is named by the line an editor shows.
///
/// A large input's rows are cut into pieces that go through the row loop on several cores at
/// once and are merged in file order (``readRows(width:firstLine:state:splitting:)``); the
/// outcome, values and errors alike, is the same as in one piece.
///
/// A scanner sees one chunk of the input at a time: ``CSVStreamReader`` hands it the complete
/// records of a window of the text, and the row loop writes their values into ``ValueBlocks``.
/// Memory: the window plus the N × W values. When columns are dropped or picked, the kept
/// ones are moved down in place.
struct CSVScanner {
    let source: String
    let base: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>
    /// The line separator: LF, or CR for a file with CRs and no LF (classic Mac OS).
    let separator: UInt8

    static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), comma = UInt8(ascii: ",")
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), quote = UInt8(ascii: "\"")

    /// Why a cell is not a finite number. Empty and text cells are also not numbers at all,
    /// which is what label-column detection counts.
    enum BadKind { case empty, text, nonFinite }

    /// The first cell of a column that is not a finite number: the line its row starts on, and
    /// its bytes (inside the quotes of a quoted cell).
    struct BadCell {
        var line: Int
        var kind: BadKind
        var start: Int
        var end: Int
        var quoted: Bool
    }

    /// Where the row loop is, so that it can stop when the values buffer is full and resume.
    struct RowState {
        var position: UnsafePointer<UInt8>
        var line: Int
        var rows = 0
        /// Per column: the number of rows whose cell is empty or text.
        var textCells: [Int]
        /// Per column: the first cell that is not a finite number.
        var firstBad: [BadCell?]
        /// The start and line number of the first data row, for the error when no column is
        /// numeric.
        var firstRowStart: UnsafePointer<UInt8>?
        var firstRowLine: Int?
    }

    /// The first cell of a column that is not a finite number, kept once its bytes are gone:
    /// the line its row starts on, and its text as a message shows it (at most 40 characters).
    struct FoundCell {
        var line: Int
        var kind: BadKind
        var text: String
    }

    /// What the rows of all windows add up to: ``RowState``'s counts, with its first bad cells
    /// and first row kept as text.
    struct RowTotals {
        var rows = 0
        var textCells: [Int]
        var firstBad: [FoundCell?]
        /// The line of the first data row, for the error when no column is numeric.
        var firstRowLine: Int?
        /// The end of that error's message: a guess at the separator the first row uses
        /// instead of commas, or nothing.
        var firstRowHint = ""

        init(width: Int) {
            textCells = Array(repeating: 0, count: width)
            firstBad = Array(repeating: nil, count: width)
        }

        /// Adds the rows `scanner` read into `state`, which come after those already added.
        mutating func add(_ state: RowState, from scanner: CSVScanner) {
            rows += state.rows
            for c in textCells.indices {
                textCells[c] += state.textCells[c]
                if firstBad[c] == nil, let bad = state.firstBad[c] {
                    let text = scanner.cellText(scanner.base + bad.start, scanner.base + bad.end, quoted: bad.quoted)
                    firstBad[c] = FoundCell(line: bad.line, kind: bad.kind, text: String(text.prefix(40)))
                }
            }
            if firstRowLine == nil, let start = state.firstRowStart {
                firstRowLine = state.firstRowLine
                let sample = scanner.lineText(from: start)
                firstRowHint = sample.contains(";") || sample.contains("\t")
                    ? "; the values look separated by \(sample.contains(";") ? "';'" : "tabs"), but gmmviz reads comma-separated values"
                    : ""
            }
        }
    }

    func fail(_ line: Int?, _ column: Int?, _ problem: String) -> DataError {
        .malformed(source: source, line: line, column: column, problem: problem)
    }

    /// The offset of the first byte of `bytes` that does not begin a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// A scanner of the bytes `start ..< end`, which follow any byte-order mark.
    init(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, source: String) {
        let count = end - start
        let separator: UInt8
        if memchr(start, Int32(Self.lf), count) != nil {
            separator = Self.lf
        } else {
            separator = memchr(start, Int32(Self.cr), count) != nil ? Self.cr : Self.lf
        }
        self.init(base: start, end: end, separator: separator, source: source)
    }

    /// A scanner whose line separator is already known: the scanner of one piece of the rows,
    /// which keeps the whole input's `base` (so byte offsets of cells are the same in every
    /// piece) and ends where the piece ends.
    init(base: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, separator: UInt8, source: String) {
        self.source = source
        self.base = base
        self.end = end
        self.separator = separator
    }

    // MARK: - Lines and cells

    /// The address after the line end at `q`, or `nil` when `q` is not at one. The end of the
    /// input ends a line; with LF lines a CR ends one only right before the LF or the end of the
    /// input (a CR elsewhere is part of a cell, as it was in the line-splitting reader).
    @inline(__always)
    func afterLineEnd(_ q: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        if q == end { return end }
        let b = q.pointee
        if b == separator { return q + 1 }
        if b == Self.cr {
            let n = q + 1
            if n == end { return end }
            if n.pointee == Self.lf { return n + 1 }
        }
        return nil
    }

    /// The trimmed cell `start ..< end` as the line-splitting reader saw it: a number (finite
    /// or not, including the words nan, inf and infinity), or `nil` for an empty or text cell.
    func classify(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double? {
        var s = start, e = end
        while s < e, s.pointee == Self.space || s.pointee == Self.tab { s += 1 }
        while e > s, (e - 1).pointee == Self.space || (e - 1).pointee == Self.tab { e -= 1 }
        guard s < e else { return nil }
        var v = 0.0
        if let stop = DecimalParser.parse(s, e, &v), stop == e { return v }
        return Self.isNonFiniteWord(s, e) ? .nan : nil
    }

    /// `nan`, `inf` or `infinity` in any case, with an optional sign: numbers that are not
    /// finite, so a cell holding one is reported as such rather than as text.
    static func isNonFiniteWord(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        var s = start
        if s < end, s.pointee == UInt8(ascii: "+") || s.pointee == UInt8(ascii: "-") { s += 1 }
        let lower = UnsafeBufferPointer(start: s, count: end - s).map { $0 | 0x20 }
        return lower.elementsEqual("nan".utf8) || lower.elementsEqual("inf".utf8) || lower.elementsEqual("infinity".utf8)
    }

    /// The line starting at `start` without its line end, as text.
    func lineText(from start: UnsafePointer<UInt8>) -> String {
        var q = start
        while q < end, q.pointee != separator { q += 1 }
        if q > start, (q - 1).pointee == Self.cr { q -= 1 }
        return String(decoding: UnsafeBufferPointer(start: start, count: q - start), as: UTF8.self)
    }

    /// True when the line at `q` holds only spaces and tabs; `next` is then the next line.
    @inline(__always)
    func blankLine(_ q: UnsafePointer<UInt8>, next: inout UnsafePointer<UInt8>) -> Bool {
        var r = q
        while r < end, r.pointee == Self.space || r.pointee == Self.tab { r += 1 }
        guard let after = afterLineEnd(r) else { return false }
        next = after
        return true
    }
}
