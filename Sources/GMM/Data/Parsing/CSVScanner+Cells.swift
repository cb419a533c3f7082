#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cells as RFC 4180 writes them, which is what spreadsheets, pandas' `to_csv` and Python's
/// `csv` module write: a field may be enclosed in double quotes, and then holds commas, line
/// breaks and quotes written twice (`"a,b"`, `"a""b"` is `a"b`); spaces and tabs around a field
/// are ignored, as they are around an unquoted one. A quote anywhere else — inside an unquoted
/// field, or after the quote that closes a field — is an error, never a guess.
///
/// That strictness is what lets the rows be cut into pieces by counting quotes: in text that
/// follows these rules, every quoted field holds an even number of quote characters, so a
/// byte lies inside a quoted field exactly when an odd number of quotes comes before it in its
/// record, and a line start after an even number of quotes in the rows is a record start. Text
/// that breaks them is reported at the first quote out of place, which lies before any cut
/// that the count could get wrong.
extension CSVScanner {
    /// One field: its content (inside the quotes of a quoted field, whose doubled quotes are
    /// still doubled), what ends it (a comma, the separator, or the end of the input), and the
    /// separators inside its quotes, each of which starts a new physical line.
    struct Cell {
        var start: UnsafePointer<UInt8>
        var end: UnsafePointer<UInt8>
        var stop: UnsafePointer<UInt8>
        var quoted: Bool
        var lineBreaks: Int
    }

    /// The field starting at `start`, which is on physical `line` in 1-based `column`; an
    /// unquoted field's content keeps its spaces (trimmed where it is read) but not the CR that
    /// ends a line.
    ///
    /// - Throws: ``DataError/unclosedQuote(source:line:column:)`` or
    ///   ``DataError/strayQuote(source:line:column:cell:)``.
    func cell(from start: UnsafePointer<UInt8>, line: Int, column: Int) throws -> Cell {
        var q = start
        while q < end, q.pointee == Self.space || q.pointee == Self.tab { q += 1 }
        if q < end, q.pointee == Self.quote { return try quotedCell(opening: q, cellStart: start, line: line, column: column) }
        while q < end {
            let b = q.pointee
            if b == Self.comma || b == separator { break }
            if b == Self.quote { throw strayQuote(cellStart: start, at: q, line: line, column: column) }
            q += 1
        }
        var e = q
        if q == end || q.pointee == separator, e > start, (e - 1).pointee == Self.cr { e -= 1 }
        return Cell(start: start, end: e, stop: q, quoted: false, lineBreaks: 0)
    }

    /// The quoted field whose opening quote is at `opening`: up to the next quote that is not
    /// doubled, which may be spaces away from the comma or line end that must follow it.
    func quotedCell(opening: UnsafePointer<UInt8>, cellStart: UnsafePointer<UInt8>, line: Int, column: Int) throws -> Cell {
        var r = opening + 1
        var breaks = 0
        while true {
            guard let found = memchr(r, Int32(Self.quote), end - r) else {
                throw DataError.unclosedQuote(source: source, line: line, column: column)
            }
            let close = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            var b = r
            while b < close {
                if b.pointee == separator { breaks += 1 }
                b += 1
            }
            if close + 1 < end, (close + 1).pointee == Self.quote {
                r = close + 2
                continue
            }
            var s = close + 1
            while s < end, s.pointee == Self.space || s.pointee == Self.tab { s += 1 }
            if s == end || s.pointee == Self.comma || s.pointee == separator {
                return Cell(start: opening + 1, end: close, stop: s, quoted: true, lineBreaks: breaks)
            }
            // A CR ends the line before an LF or at the end of the input; the field then stops
            // where an unquoted one would, at the LF (or the end).
            if s.pointee == Self.cr, let after = afterLineEnd(s) {
                return Cell(start: opening + 1, end: close, stop: after == end ? end : after - 1, quoted: true, lineBreaks: breaks)
            }
            throw strayQuote(cellStart: cellStart, at: s, line: line, column: column)
        }
    }

    /// The error for a quote out of place at or before `at`, showing the field from
    /// `cellStart` to the comma or line end after `at`.
    func strayQuote(cellStart: UnsafePointer<UInt8>, at: UnsafePointer<UInt8>, line: Int, column: Int) -> DataError {
        var q = at
        while q < end, q.pointee != Self.comma, q.pointee != separator { q += 1 }
        let text = cellText(cellStart, q, quoted: false)
        return .strayQuote(source: source, line: line, column: column, cell: String(text.prefix(40)))
    }

    /// The text of the content `start ..< end` of a field, trimmed the way the reader trims,
    /// with a quoted field's doubled quotes made single; for names and messages.
    func cellText(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, quoted: Bool) -> Substring {
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard quoted else { return CSVReader.trim(Substring(String(decoding: bytes, as: UTF8.self))) }
        return CSVReader.trim(Substring(Self.unescaped(bytes)))
    }

    /// A header name: a quoted field's content as written but for its doubled quotes (spaces
    /// inside the quotes are part of the name), an unquoted field's trimmed text.
    func name(of cell: Cell) -> String {
        cell.quoted ? Self.unescaped(UnsafeBufferPointer(start: cell.start, count: cell.end - cell.start))
            : String(cellText(cell.start, cell.end, quoted: false))
    }

    /// The content of a quoted field with each doubled quote made single (the lexer has
    /// checked that quotes inside come in pairs).
    static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            out.append(bytes[i])
            i += bytes[i] == quote ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number of fields of the record starting at `start` (on physical `line`), counted up
    /// to its end or to its first quote out of place; for the message about a row's length.
    func fieldCount(from start: UnsafePointer<UInt8>, line: Int) -> Int {
        var q = start
        var fields = 1
        var breaks = 0
        while let cell = try? cell(from: q, line: line + breaks, column: fields), cell.stop < end, cell.stop.pointee == Self.comma {
            breaks += cell.lineBreaks
            fields += 1
            q = cell.stop + 1
        }
        return fields
    }

    /// The first non-blank record: the physical lines it starts and ends on (counted on from
    /// `linesBefore`, the lines before `base`), its start, its fields, and where the next record
    /// starts; `nil` when every line is blank.
    func firstLine(linesBefore: Int = 0) throws -> (number: Int, lastLine: Int, start: UnsafePointer<UInt8>, cells: [Cell], next: UnsafePointer<UInt8>)? {
        var p = base
        var number = linesBefore
        while p < end {
            number += 1
            var next = p
            if blankLine(p, next: &next) {
                p = next
                continue
            }
            var cells = [Cell]()
            var q = p
            var breaks = 0
            while true {
                let cell = try cell(from: q, line: number + breaks, column: cells.count + 1)
                breaks += cell.lineBreaks
                cells.append(cell)
                if cell.stop < end, cell.stop.pointee == Self.comma {
                    q = cell.stop + 1
                } else {
                    return (number, number + breaks, p, cells, cell.stop < end ? cell.stop + 1 : end)
                }
            }
        }
        return nil
    }
}
