import Foundation

/// Reads numeric CSV into a ``Dataset``.
///
/// The format: comma-separated numbers, one sample per line; an optional header row (a first
/// line in which no cell is a number); blank lines skipped; a UTF-8 byte-order mark, CRLF line
/// ends and spaces around cells accepted. Columns whose every data cell is text (labels) are
/// left out unless picked with `columns`. Every other problem is a ``DataError`` naming the
/// source, the 1-based line and column, what was seen and what to do.
public enum CSVReader {
    /// A column picked by header name or by 1-based position.
    public enum ColumnSelector: Sendable, Equatable, CustomStringConvertible {
        case name(String)
        case position(Int)

        /// Parses `"x"` as a name and `"3"` as a 1-based position.
        public init(_ text: String) {
            let t = text.trimmingCharacters(in: .whitespaces)
            if let p = Int(t) { self = .position(p) } else { self = .name(t) }
        }

        public var description: String {
            switch self {
            case let .name(n): return "\"\(n)\""
            case let .position(p): return "\(p)"
            }
        }
    }

    /// Reads the file at `path` (`"-"` reads standard input) through ``InputFile``.
    public static func read(path: String, columns: [ColumnSelector]? = nil) throws -> Dataset {
        let bytes = try InputFile.read(path: path, kind: .samples)
        return try parse(bytes, source: path == "-" ? "<stdin>" : path, columns: columns)
    }

    /// Parses CSV text; `source` names it in error messages.
    public static func parse(_ text: String, source: String = "<text>", columns: [ColumnSelector]? = nil) throws -> Dataset {
        try parse(Array(text.utf8), source: source, columns: columns)
    }

    /// Parses CSV bytes (UTF-8); `source` names them in error messages.
    public static func parse(_ bytes: [UInt8], source: String, columns: [ColumnSelector]? = nil) throws -> Dataset {
        func fail(_ line: Int?, _ column: Int?, _ problem: String) -> DataError {
            .malformed(source: source, line: line, column: column, problem: problem)
        }
        guard !bytes.isEmpty else { throw fail(nil, nil, "the file is empty; expected comma-separated numbers, one sample per line") }
        if bytes.contains(0) { throw fail(nil, nil, "contains NUL bytes, so it is a binary file, not CSV text") }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard String(validating: bytes[start...], as: UTF8.self) != nil else {
            throw fail(nil, nil, "is not valid UTF-8 text; save it as UTF-8 CSV")
        }

        // Split into non-blank lines on LF bytes (a CR before it is dropped), keeping 1-based
        // line numbers. Splitting bytes rather than Characters matters: "\r\n" is one Character.
        // A file with CRs but no LF at all has classic Mac OS line ends: split on CR.
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let body = bytes[start...]
        let separator = !body.contains(lf) && body.contains(cr) ? cr : lf
        var lines = [(number: Int, cells: [Substring])]()
        var number = 0
        for raw in body.split(separator: separator, omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            let text = String(decoding: line, as: UTF8.self)
            lines.append((number, text.split(separator: ",", omittingEmptySubsequences: false)))
        }
        guard let first = lines.first else { throw fail(nil, nil, "has no data: every line is blank") }

        // A header is a first line with no numeric cell.
        let hasHeader = !first.cells.contains { Self.number(Self.trim($0)) != nil }
        let header: [String]? = hasHeader ? first.cells.map { Self.unquote(Self.trim($0)) } : nil
        let rows = hasHeader ? Array(lines.dropFirst()) : lines
        let width = first.cells.count
        guard !rows.isEmpty else { throw fail(first.number, nil, "has a header but no data rows; add samples below it") }

        for row in rows where row.cells.count != width {
            throw fail(row.number, nil, "has \(row.cells.count) field\(row.cells.count == 1 ? "" : "s") but line \(first.number) has \(width); every row needs the same number of comma-separated values")
        }

        // Which columns to read.
        let picked: [Int]
        if let columns {
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
                        throw fail(first.number, nil, "has no column named \"\(n)\"; its columns are \(header.map { "\"\($0)\"" }.joined(separator: ", "))")
                    }
                    return i
                }
            }
        } else {
            // Leave out label columns: those in which no data cell is a number.
            picked = (0 ..< width).filter { c in rows.contains { Self.number(Self.trim($0.cells[c])) != nil } }
            guard !picked.isEmpty else {
                let sample = String(rows[0].cells.joined(separator: ","))
                let hint = sample.contains(";") || sample.contains("\t")
                    ? "; the values look separated by \(sample.contains(";") ? "';'" : "tabs"), but gmmviz reads comma-separated values"
                    : ""
                throw fail(rows[0].number, nil, "has no numeric column\(hint)")
            }
        }

        var values = [Double]()
        values.reserveCapacity(rows.count * picked.count)
        for row in rows {
            for c in picked {
                let cell = Self.trim(row.cells[c])
                guard let v = Self.number(cell) else {
                    let what = cell.isEmpty ? "is empty" : "\"\(cell.prefix(40))\" is not a number"
                    throw fail(row.number, c + 1, "\(what); every cell of a data column must be a decimal number")
                }
                guard v.isFinite else {
                    throw fail(row.number, c + 1, "\"\(cell.prefix(40))\" is not a finite number; remove or replace NaN and infinite values")
                }
                values.append(v)
            }
        }
        return try Dataset(values: values, dimension: picked.count, columnNames: header.map { h in picked.map { h[$0] } })
    }

    /// Spaces and tabs around a cell are ignored.
    private static func trim(_ s: Substring) -> Substring {
        var t = s
        while let f = t.first, f == " " || f == "\t" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\t" { t = t.dropLast() }
        return t
    }

    private static func unquote(_ s: Substring) -> String {
        if s.count >= 2, s.first == "\"", s.last == "\"" { return String(s.dropFirst().dropLast()) }
        return String(s)
    }

    /// A decimal number (`-1.5`, `2e-3`, `.5`, `7.`), including ones that overflow to ±∞ and the
    /// words nan/inf (so the caller can say "not finite" rather than "not a number"); `nil` for
    /// anything else, including hexadecimal.
    static func number(_ s: Substring) -> Double? {
        guard !s.isEmpty else { return nil }
        let lower = s.lowercased()
        let word = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        if ["nan", "inf", "infinity"].contains(word) { return Double(lower) ?? .nan }
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
                 UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return nil
            }
        }
        return Double(s)
    }
}
