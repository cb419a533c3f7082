import ArgumentParser
import GMMRender

/// `--pin`: data rows whose responsibilities are drawn beside the plot, 1-based as a user reads
/// the rows of a CSV ("12,57": the 12th and the 57th data row, a header line not counted).
/// Whether the data has those rows is the renderer's check, on ``points``.
struct PinList: ParsedValue, Equatable {
    /// The rows as typed, counted from 1.
    let rows: [Int]

    init(parsing text: String) throws {
        let cells = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        rows = try cells.map { cell in
            guard let row = Int(cell), row >= 1 else {
                throw ValidationError("\"\(cell)\" is not a row number; give 1-based data rows, e.g. 12,57")
            }
            return row
        }
        guard rows.count <= RenderOptions.maxPins else {
            throw ValidationError("\(rows.count) rows; pin at most \(RenderOptions.maxPins), e.g. 12,57")
        }
        guard Set(rows).count == rows.count else {
            throw ValidationError("a row is named twice; name each row once, e.g. 12,57")
        }
    }

    /// The renderer's pins, counted from 0.
    var points: [Int] { rows.map { $0 - 1 } }
}
