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
///
/// Files are streamed, never held whole: ``read(path:columns:)`` keeps the values and a 16 MiB
/// window of the text, and ``visitRows(path:columns:_:)`` only the window and one block of rows.
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

    /// Reads the file at `path` (`"-"` reads standard input) through ``InputFile``, streaming.
    ///
    /// The text is read with `read(2)` a window at a time (16 MiB, reused) and parsed as it
    /// comes, so it is never in memory whole: the peak is about the values (N × D doubles) plus
    /// the window. A regular file's values go straight into the array the data set keeps,
    /// sized once from the file's size; a pipe's are gathered in blocks and copied together
    /// once at the end, each block freed as it is copied. Files of any size are read; a single
    /// row longer than 1 GiB is refused.
    public static func read(path: String, columns: [ColumnSelector]? = nil) throws -> Dataset {
        try read(path: path, columns: columns, windowBytes: CSVStreamReader.defaultWindowBytes)
    }

    /// ``read(path:columns:)`` with the window's size and the longest row accepted given, so
    /// that tests can make records cross many windows.
    static func read(path: String, columns: [ColumnSelector]?, windowBytes: Int,
                     maxRecordBytes: Int = CSVStreamReader.defaultMaxRecordBytes,
                     splitting: CSVScanner.Splitting = .automatic) throws -> Dataset {
        let input = try InputFile.open(path: path, kind: .samples)
        defer { input.close() }
        let source = InputFile.sourceName(path)
        return try CSVStreamReader.dataset(from: FileByteSource(fd: input.fd, source: source), size: input.regularSize, source: source,
                                           columns: columns, windowBytes: windowBytes, maxRecordBytes: maxRecordBytes,
                                           splitting: splitting, binaryProblem: "contains NUL bytes, so it is a binary file, not text")
    }

    /// Parses CSV text; `source` names it in error messages.
    public static func parse(_ text: String, source: String = "<text>", columns: [ColumnSelector]? = nil) throws -> Dataset {
        try parse(Array(text.utf8), source: source, columns: columns)
    }

    /// Parses CSV bytes (UTF-8); `source` names them in error messages.
    ///
    /// One pass over the bytes by `CSVScanner` (on a large input, pieces of the rows on
    /// several cores at once), a window at a time as from a file: numbers are converted where
    /// they lie, and the values go straight into the data set's one array.
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
