import ArgumentParser
import GMMRender

/// `--view`: which picture of the data, as typed on the command line. The column of `1d` is
/// 1-based here, as every column number the user types; ``DrawingOptions`` turns it into the
/// library's 0-based ``FrameView``.
enum ViewChoice: Equatable, ExpressibleByArgument {
    /// `2d`: two columns (``DrawingOptions/axes``).
    case plane
    /// `1d` or `1d:N`: one column, the first by default.
    case line(column: Int?)
    /// `pairs`: every pair of the data's columns.
    case pairs
    /// `pca`: the first two principal axes.
    case pca

    init?(argument: String) {
        let text = argument.lowercased()
        switch text {
        case "2d": self = .plane
        case "1d": self = .line(column: nil)
        case "pairs": self = .pairs
        case "pca": self = .pca
        default:
            guard text.hasPrefix("1d:"), let n = Int(text.dropFirst(3)), n >= 1 else { return nil }
            self = .line(column: n)
        }
    }

    static var allValueStrings: [String] { ["2d", "1d", "1d:COLUMN", "pairs", "pca"] }
}

extension DensityStyle: ExpressibleByArgument {}
