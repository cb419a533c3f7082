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
        }
    }

    /// "1 column (1…1)", "3 columns (1…3)".
    public static func columns(_ n: Int) -> String {
        "\(n) column\(n == 1 ? "" : "s") (1…\(n))"
    }
}
