import ArgumentParser
import GMM

/// `--columns`: header names or 1-based numbers separated by ',' ("x,y", "1,3").
struct ColumnList: ParsedValue, Equatable {
    let selectors: [CSVReader.ColumnSelector]

    init(parsing text: String) throws {
        guard !text.split(separator: ",").isEmpty else {
            throw ValidationError("the list is empty; give names or numbers such as 'x,y' or '1,2'")
        }
        selectors = text.split(separator: ",", omittingEmptySubsequences: false).map { CSVReader.ColumnSelector(String($0)) }
    }
}
