import ArgumentParser

/// `--out`: where the animation goes and in which format: `.gif` an animated GIF, `.pdf` a PDF
/// deck, `.html` (or `.htm`) a player, `.mp4` or `.webm` a video, or `none` for frame files only. The path's extension
/// names the format unless `--format` does (for a device or a pipe, say); a path with any other
/// extension, or none, and no `--format` is refused with the list: a format is never guessed.
struct AnimationDestination: ParsedValue, Equatable {
    /// The formats `--out` writes.
    enum Format: String, CaseIterable, Sendable, ExpressibleByArgument {
        /// An animated GIF.
        case gif
        /// A PDF deck, one page per frame.
        case pdf
        /// A self-contained HTML player.
        case html
        /// An H.264 video in MP4, for slide software and the web.
        case mp4
        /// A VP9 video in WebM, for the web.
        case webm

        /// The extensions that name this format, lower case, without the dot.
        var extensions: [String] { self == .html ? ["html", "htm"] : [rawValue] }
    }

    /// The path, or nil for `none`.
    let path: String?
    /// The format, once known: from the extension, or from ``resolved(format:)``.
    let format: Format?
    /// The path's extension as given (lower case, "" for none), for the message when it names
    /// no format.
    private let pathExtension: String

    /// No animation file: `--out none`.
    static let none = AnimationDestination(path: nil, format: nil, pathExtension: "")

    private init(path: String?, format: Format?, pathExtension: String) {
        self.path = path
        self.format = format
        self.pathExtension = pathExtension
    }

    init(parsing text: String) throws {
        guard text != "none" else {
            self = .none
            return
        }
        let name = try FilePath.parse(text).split(separator: "/").last.map(String.init) ?? text
        let ext = name.contains(".") ? (name.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
        self.init(path: text, format: Format.allCases.first { $0.extensions.contains(ext) }, pathExtension: ext)
    }

    /// The destination in the format `explicit` names, or its extension's.
    ///
    /// - Throws: `ValidationError` listing the formats when neither names one.
    func resolved(format explicit: Format?) throws -> AnimationDestination {
        guard let path else { return self }
        guard let format = explicit ?? format else {
            let seen = pathExtension.isEmpty ? "has no extension" : "ends in \".\(pathExtension)\", which names no format"
            throw ValidationError("--out \(path) \(seen); give a path ending in .gif (animated GIF), .pdf (PDF deck), .html (player), .mp4 or .webm (video), add --format gif|pdf|html|mp4|webm, or give --out none for frame files only")
        }
        return AnimationDestination(path: path, format: format, pathExtension: pathExtension)
    }
}
