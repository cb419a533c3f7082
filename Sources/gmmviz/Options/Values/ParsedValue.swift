import ArgumentParser

/// An option value that is parsed once, where ArgumentParser reads it (`@Option(transform:)`),
/// into the type the commands use: `run()` never sees the string.
///
/// A value that does not parse throws a `ValidationError` saying how to write it; ArgumentParser
/// puts it after "The value '…' is invalid for '--option <name>': ", as for every other value it
/// cannot read. Only the syntax is checked here: what the numbers may be (ranges, counts
/// against K, matrix shapes) is the libraries' to check, and ``ErrorMessages`` words their errors.
protocol ParsedValue: Sendable {
    init(parsing text: String) throws
}

extension ParsedValue {
    /// The comma-separated cells of `text` as numbers, empty cells included (so "1,,2" fails);
    /// `Double` reads them, so "nan" and "inf" parse and are left to the libraries' checks.
    /// `place` names the cells' group in the message, e.g. " in point 2".
    static func numbers<S: StringProtocol>(_ text: S, place: String = "", example: String) throws -> [Double] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { cell in
            let t = cell.trimmingCharacters(in: .whitespaces)
            guard let v = Double(t) else {
                throw ValidationError("\"\(t)\"\(place) is not a number; write e.g. \(example)")
            }
            return v
        }
    }
}
