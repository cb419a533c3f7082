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

    public var description: String {
        switch self {
        case let .malformed(source, line, column, problem):
            var place = source
            if let line { place += ":\(line)" }
            if let column { place += ", column \(column)" }
            return "\(place): \(problem)"
        case let .invalid(problem):
            return "invalid data: \(problem)"
        }
    }
}
