import Foundation

/// Reads numeric CSV into a ``Dataset``.
///
/// The format: comma-separated numbers, one sample per line; an optional header row (a first
/// line in which no cell is a number), whose names must differ; blank lines skipped; a UTF-8
/// byte-order mark, CRLF line ends and spaces around cells accepted. Fields may be quoted as
/// RFC 4180 has it, the way spreadsheets and pandas write them: `"a,b"`, `"a""b"` (which is
/// `a"b`), a line break inside the quotes, `"1.5"` (a number). Columns whose every data cell is text (labels) are
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
        let text = try InputFile.readText(path: path, kind: .samples)
        // InputFile has refused NUL bytes and seen whether every byte is ASCII, so the scanner
        // skips those passes over the bytes.
        return try text.bytes.withUnsafeBufferPointer {
            try CSVScanner.dataset($0, source: path == "-" ? "<stdin>" : path, columns: columns,
                                   known: CSVScanner.KnownText(noNUL: true, isASCII: text.isASCII))
        }
    }

    /// Parses CSV text; `source` names it in error messages.
    public static func parse(_ text: String, source: String = "<text>", columns: [ColumnSelector]? = nil) throws -> Dataset {
        try parse(Array(text.utf8), source: source, columns: columns)
    }

    /// Parses CSV bytes (UTF-8); `source` names them in error messages.
    ///
    /// One pass over the bytes by `CSVScanner` (on a large input, pieces of the rows on
    /// several cores at once): numbers are converted where they lie, and the values go straight
    /// into the data set's one array.
    public static func parse(_ bytes: [UInt8], source: String, columns: [ColumnSelector]? = nil) throws -> Dataset {
        try bytes.withUnsafeBufferPointer { try CSVScanner.dataset($0, source: source, columns: columns) }
    }

    /// Spaces and tabs around a cell are ignored.
    static func trim(_ s: Substring) -> Substring {
        var t = s
        while let f = t.first, f == " " || f == "\t" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\t" { t = t.dropLast() }
        return t
    }
}
