import ArgumentParser
import Foundation
import GMMRender

/// `select --chart`: where the chart goes, in the format its extension names.
struct ChartDestination: ParsedValue, Equatable {
    let path: String
    let format: FrameFormat

    init(parsing text: String) throws {
        let ext = (try FilePath.parse(text) as NSString).pathExtension.lowercased()
        guard let format = FrameFormat(rawValue: ext) else {
            throw ValidationError("unknown format \"\(ext.isEmpty ? "(none)" : "." + ext)\"; give a path ending in .png, .svg or .pdf")
        }
        (path, self.format) = (text, format)
    }
}
