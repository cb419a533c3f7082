/// An input data problem: a malformed CSV file or an invalid data set.
///
/// The description is one line naming where the problem is (file, line, column when known),
/// what was seen, and how to fix it.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A problem at a place in a text file. `line` and `column` are 1-based; `column` may be nil
    /// when the problem concerns the whole line or file.
    case malformed(source: String, line: Int?, column: Int?, problem: String)
    /// A problem with the data as a whole.
    case invalid(String)
    /// No file at `source`, an input of the given kind.
    case noSuchFile(source: String, kind: InputFile.Kind)
    /// `source`, given as an input of the given kind, is a directory.
    case notAFile(source: String, kind: InputFile.Kind)
    /// A column picked by 1-based `position` in a file of `columns` columns.
    case columnOutOfRange(source: String, position: Int, columns: Int)
    /// A column picked by `name` in a file without a header row.
    case columnNameWithoutHeader(source: String, name: String)
    /// `source` cannot be a history at all (`reason`: "is empty", "is not valid JSON (…)", …),
    /// so the fix is to give one written by ``FitHistory/jsonText()``.
    case notAHistory(source: String, reason: String)
    /// ``BlobGenerator`` was given settings it cannot draw from.
    case invalidBlobs(BlobProblem)
    /// Two columns of the header row on `line` have the same `name`: the 1-based positions
    /// `first` < `second`. A column picked by that name would be ambiguous.
    case duplicateColumnName(source: String, line: Int, name: String, first: Int, second: Int)
    /// The quoted field that starts at `line` and 1-based `column` has no closing quote, so it
    /// would run to the end of the input.
    case unclosedQuote(source: String, line: Int, column: Int)
    /// The field at `line` and 1-based `column` holds a quote where RFC 4180 allows none: inside
    /// an unquoted field, or after the quote that closes a quoted one. `cell` is the field's
    /// text as written (at most 40 characters).
    case strayQuote(source: String, line: Int, column: Int, cell: String)
    /// `source` is text in a Unicode encoding other than UTF-8, recognised by `evidence`.
    case otherEncoding(source: String, encoding: TextEncoding, evidence: TextEncoding.Evidence)
    /// `byte`, at `line` and 1-based `column` (the comma-separated field), does not start a
    /// valid UTF-8 sequence: the file is in an 8-bit encoding such as Latin-1.
    case notUTF8(source: String, line: Int, column: Int, byte: UInt8)
    /// A JSON object gives `key` twice. `object` names the object (`"the top-level object"`,
    /// `"snapshots[2]"`); `line` and `column` (1-based, in bytes) are where the second key starts,
    /// `firstLine` and `firstColumn` where the first one does.
    case duplicateKey(source: String, key: String, object: String, line: Int, column: Int, firstLine: Int, firstColumn: Int)

    public var description: String {
        switch self {
        case let .malformed(source, line, column, problem):
            var place = source
            if let line { place += ":\(line)" }
            if let column { place += ", column \(column)" }
            return "\(place): \(problem)"
        case let .invalid(problem):
            return "invalid data: \(problem)"
        case let .noSuchFile(source, kind):
            return "\(source): no such file; check the path of the \(kind) file"
        case let .notAFile(source, kind):
            return "\(source): is a directory, not a file; give the path of a \(kind) file"
        case let .columnOutOfRange(source, position, columns):
            return "\(source): column \(position) is out of range; the file has \(Self.columns(columns))"
        case let .columnNameWithoutHeader(source, name):
            return "\(source): column \"\(name)\" is picked by name but the file has no header row; pick columns by 1-based number"
        case let .notAHistory(source, reason):
            return "\(source): \(reason); give a history written by FitHistory.jsonText() (docs/history-schema.md)"
        case let .invalidBlobs(problem):
            return "invalid blobs: \(problem)"
        case let .duplicateColumnName(source, line, name, first, second):
            let named = name.isEmpty ? "both have an empty name" : "are both named \(Self.quoted(name))"
            return "\(source):\(line): columns \(first) and \(second) of the header \(named); rename one so that each column has its own name"
        case let .unclosedQuote(source, line, column):
            return "\(source):\(line), column \(column): the quoted field that starts here is never closed; end it with a \" (a quote inside a quoted field is written twice, \"\")"
        case let .strayQuote(source, line, column, cell):
            return "\(source):\(line), column \(column): \(Self.quoted(cell)) has a quote inside an unquoted field or after a closing quote; quote the whole field and double each quote inside it, as in \"a\"\"b\""
        case let .otherEncoding(source, encoding, evidence):
            let by = switch evidence {
            case .byteOrderMark: "its byte-order mark"
            case .nulPattern: "the NUL bytes beside its ASCII characters"
            }
            return "\(source): is \(encoding.name) text (recognised by \(by)), but gmmviz reads UTF-8; save the file as UTF-8"
        case let .notUTF8(source, line, column, byte):
            let hex = "0x" + String(byte, radix: 16, uppercase: true)
            let latin1 = byte >= 0xA0 ? " (\"\(Character(Unicode.Scalar(byte)))\" in Latin-1)" : ""
            return "\(source):\(line), column \(column): the byte \(hex)\(latin1) is not UTF-8, so the file is in another encoding, such as Latin-1 or Windows-1252; save the file as UTF-8"
        case let .duplicateKey(source, key, object, line, column, firstLine, firstColumn):
            return "\(source):\(line):\(column): the key \(Self.quoted(key)) appears twice in \(object) (first at \(firstLine):\(firstColumn)), so its value is ambiguous; keep one of them"
        }
    }

    /// `text` in double quotes for a message; with its control characters escaped (`\n`,
    /// `\r`, `\t`, …, as Swift writes a string literal) when it has any, so that a name or a
    /// cell holding a line break still gives a message of one line.
    public static func quoted(_ text: some StringProtocol) -> String {
        let s = String(text)
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return "\"\(s)\"" }
        return s.debugDescription
    }

    /// "1 column (1…1)", "3 columns (1…3)".
    public static func columns(_ n: Int) -> String {
        "\(n) column\(n == 1 ? "" : "s") (1…\(n))"
    }
}
