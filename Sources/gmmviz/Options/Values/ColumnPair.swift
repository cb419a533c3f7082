import ArgumentParser
import GMMRender

/// `--axes`: the two data columns of the 2d view, 1-based as every column number the user
/// types ("1,3"). Whether the data has them is the renderer's check, on ``axes``.
struct ColumnPair: ParsedValue, Equatable {
    /// The columns as typed, counted from 1.
    let first: Int, second: Int

    init(parsing text: String) throws {
        let ax = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard ax.count == 2, let i = ax[0], let j = ax[1], i >= 1, j >= 1 else {
            throw ValidationError("not two 1-based column numbers; write e.g. 1,3")
        }
        (first, second) = (i, j)
    }

    /// The renderer's axes, counted from 0.
    var axes: RenderOptions.Axes { RenderOptions.Axes(x: first - 1, y: second - 1) }
}
