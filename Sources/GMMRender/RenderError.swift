/// Everything that can go wrong while turning a scene into a frame. (Writing the frame to a file
/// fails with GMMFiles' `FileError`, like every other output.)
///
/// Each description is one line naming what was wrong, the value seen and, where there is one,
/// the fix.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A render option is out of range, e.g. a size of 0 × 600 or bounds with min ≥ max:
    /// which one, the value seen, and what it must be.
    case invalidOption(RenderParameter, value: String, fix: String)
    /// The scene's parts disagree, e.g. N × K responsibilities that do not match N points.
    case invalidScene(String)
    /// A history of a fit of `history`-dimensional data, drawn on data of `data` columns.
    case historyDimension(history: Int, data: Int)
    /// A history of a fit of `history` samples, drawn on data of `data` rows.
    case historySamples(history: Int, data: Int)
    /// A view that draws one panel per column or pair was given more columns than fit on a
    /// frame: the view's name, the columns given and the most it draws.
    case tooManyColumns(view: String, columns: Int, maximum: Int)
    /// A view that needs at least `minimum` columns was given `columns`: data of fewer columns,
    /// or a scatter-plot matrix of fewer.
    case tooFewColumns(view: FrameView, columns: Int, minimum: Int)
    /// `view` names the 0-based `column` (an axis of the plane view, the column of the line
    /// view, a column of the scatter-plot matrix) but the data has only `columns` columns.
    case missingColumn(view: FrameView, column: Int, columns: Int)
    /// ``RenderOptions/axes`` names the 0-based `column` twice.
    case sameAxes(column: Int)
    /// ``RenderOptions/pins`` names the 0-based `point` but the data has only `points` points.
    case missingPoint(point: Int, points: Int)
    /// A Cairo call failed. `call` names the function (or the drawing stage whose sticky status
    /// was checked), `status` is Cairo's own message and `code` the raw `cairo_status_t`.
    case cairo(call: String, status: String, code: Int)
    /// libdeflate failed while compressing a PNG frame; `call` names the function.
    case compression(call: String, problem: String)

    public var description: String {
        switch self {
        case let .invalidOption(parameter, value, fix):
            return "invalid render option \(parameter) = \(value): \(fix)"
        case let .invalidScene(problem):
            return "invalid scene: \(problem)"
        case let .historySamples(history, data):
            return "invalid scene: the history is of a fit of \(history) samples but the data set has \(data); render with the data the model was fitted on"
        case let .historyDimension(history, data):
            return "invalid scene: the history is of \(history)-dimensional data but the data set has \(data) columns; render with the data the model was fitted on"
        case let .tooManyColumns(view, columns, maximum):
            return "the \(view) view draws at most \(maximum) columns but was given \(columns); choose at most \(maximum) of them"
        case let .tooFewColumns(view, columns, minimum):
            return "the \(view.name) view needs at least \(minimum) columns but was given \(columns)"
        case let .missingColumn(view, column, columns):
            return "the \(view.name) view draws column \(column) but the data has \(columns) column\(columns == 1 ? "" : "s"), so columns are 0…\(columns - 1)"
        case let .sameAxes(column):
            return "invalid render option axes = \(column),\(column): choose two different columns"
        case let .missingPoint(point, points):
            return "invalid render option pins: point \(point) is not in the data, which has \(points) point\(points == 1 ? "" : "s"), so points are 0…\(points - 1)"
        case let .compression(call, problem):
            return "PNG compression failed in \(call): \(problem); free some memory and try again, or render smaller frames"
        case let .cairo(call, status, code):
            return "Cairo failed in \(call): \(status) (status \(code)); this is a bug in gmmviz's renderer, please report it with the command that triggered it"
        }
    }
}

/// A render setting that ``RenderError/invalidOption(_:value:fix:)`` can reject. Its
/// description is the Swift property that holds it.
public enum RenderParameter: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// ``RenderOptions/width`` and ``RenderOptions/height``.
    case size
    /// ``RenderOptions/scale``.
    case scale
    /// ``RenderOptions/bounds``.
    case bounds
    /// ``RenderOptions/sigmas``.
    case sigmas
    /// ``RenderOptions/axes``, counted from 0.
    case axes
    /// ``RenderOptions/pointRadius``.
    case pointRadius
    /// ``RenderOptions/textScale``.
    case textScale
    /// ``RenderOptions/view``.
    case view
    /// ``RenderOptions/pins``.
    case pins
    /// ``ChartOptions/width`` and ``ChartOptions/height``.
    case chartSize
    /// ``ChartOptions/scale``.
    case chartScale

    public var description: String { rawValue }
}
