import ArgumentParser
import Foundation
import GMMRender

/// `select --gallery`: where the gallery of fitted models goes, and as what — named by the
/// path alone, as `--chart` and `--out` are.
struct GalleryDestination: ParsedValue, Equatable {
    /// What the path receives.
    enum Kind: Equatable {
        /// One picture, every K and the choice: a .png or .svg file.
        case picture(FrameFormat)
        /// A .pdf deck that adds one K per page, its last page the whole picture.
        case deck
        /// A directory of the deck's pages as frame_0000.png, … (a path ending in "/").
        case frames
    }

    let path: String
    let kind: Kind

    init(parsing text: String) throws {
        let path = try FilePath.parse(text)
        if path.hasSuffix("/") {
            (self.path, kind) = (path, .frames)
            return
        }
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "png": kind = .picture(.png)
        case "svg": kind = .picture(.svg)
        case "pdf": kind = .deck
        default:
            throw ValidationError("unknown format \"\(ext.isEmpty ? "(none)" : "." + ext)\"; give a path ending in .png or .svg (one picture), .pdf (a deck, one K per page) or / (a directory of PNG frames)")
        }
        self.path = path
    }
}
