import ArgumentParser

/// `--out`: where the animation goes and in which format, named by the path's extension:
/// `.gif` an animated GIF, `.pdf` a PDF deck, `.html` (or `.htm`) a player; `none` for frame
/// files only. Any other extension, or none, is refused with the list: a format is never guessed.
struct AnimationDestination: ParsedValue, Equatable {
    /// The formats `--out` writes.
    enum Format: String, CaseIterable, Sendable {
        case gif, pdfDeck, htmlPlayer

        /// The extensions that name this format, lower case, without the dot.
        var extensions: [String] {
            switch self {
            case .gif: return ["gif"]
            case .pdfDeck: return ["pdf"]
            case .htmlPlayer: return ["html", "htm"]
            }
        }
    }

    /// The path, or nil for `none`.
    let path: String?
    let format: Format?

    /// No animation file: `--out none`.
    static let none = AnimationDestination(path: nil, format: nil)

    private init(path: String?, format: Format?) {
        self.path = path
        self.format = format
    }

    init(parsing text: String) throws {
        guard text != "none" else {
            (path, format) = (nil, nil)
            return
        }
        let name = try FilePath.parse(text).split(separator: "/").last.map(String.init) ?? text
        let ext = name.contains(".") ? (name.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
        guard let format = Format.allCases.first(where: { $0.extensions.contains(ext) }) else {
            throw ValidationError("unknown format \(ext.isEmpty ? "(no extension)" : "\".\(ext)\""); give a path ending in .gif (animated GIF), .pdf (PDF deck) or .html (player), or none for frame files only")
        }
        (path, self.format) = (text, format)
    }
}
