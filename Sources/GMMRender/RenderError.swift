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
    /// ``ChartOptions/width`` and ``ChartOptions/height``.
    case chartSize
    /// ``ChartOptions/scale``.
    case chartScale

    public var description: String { rawValue }
}
