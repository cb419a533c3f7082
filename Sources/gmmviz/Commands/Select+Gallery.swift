import ArgumentParser
import Foundation
import GMM
import GMMAnimation
import GMMFiles
import GMMRender

extension Select {
    /// The encoded pages of `--gallery`: one picture, or the pages of the build-up.
    enum GalleryPages {
        case file([UInt8])
        case frames([[UInt8]])
    }

    /// Checks the options of the pictures before any data is read: a view a panel can draw,
    /// sizes the renderer accepts, and no picture option without a picture.
    func validatePictureOptions() throws {
        let shaping = [view.map { _ in "--view" }, size.map { _ in "--size" }, preset.map { _ in "--preset" },
                       textScale.map { _ in "--text-scale" }].compactMap { $0 }
        if let first = shaping.first, gallery == nil, !renderBest {
            throw ValidationError("\(first) shapes the pictures of --gallery and --render-best; add one of them or drop \(first)")
        }
        if view == .pairs {
            throw ValidationError("--view pairs draws every pair of columns, and --gallery and --render-best draw one plane per model; use --view 2d, pca or 1d")
        }
        _ = try pictureOptions(dimension: nil)
    }

    /// The options of the gallery and of `--render-best`: the view, size and text scale asked
    /// for, the window fitted to the data (user data rarely fits the demo's ±10 window), the
    /// theme of the chart; one-column data in the 1-D view, as `render` draws it. With
    /// `dimension`, checked against the data.
    func pictureOptions(dimension: Int?) throws -> RenderOptions {
        var options = RenderOptions()
        if let size {
            (options.width, options.height) = (size.width, size.height)
        } else if let preset {
            (options.width, options.height) = preset.size
        }
        options.textScale = textScale ?? preset?.textScale ?? 1
        options.bounds = .auto
        options.theme = theme
        switch DrawingOptions.effectiveView(view, dimension: dimension) {
        case .plane: options.view = .plane
        case .pca: options.view = .pca
        case let .line(column): options.view = .line(column: (column ?? 1) - 1)
        case .pairs: break
        }
        try ErrorMessages.validating { try options.validate(dimension: dimension) }
        return options
    }

    /// Draws the gallery of `result` as `kind` asks, in memory.
    func drawGallery(_ result: ModelSelectionResult, data: Dataset, options: RenderOptions,
                     as kind: GalleryDestination.Kind) throws -> GalleryPages {
        let gallery = try ModelGallery(selection: result, data: data, options: options, source: (dataOptions.sourceName as NSString).lastPathComponent)
        let renderer = try GalleryRenderer(options: options)
        switch kind {
        case let .picture(format): return .file(try renderer.render(gallery, format: format))
        case .deck: return .file(try renderer.deck(gallery.buildUp))
        case .frames: return .frames(try gallery.buildUp.map { try renderer.render($0, format: .png) })
        }
    }

    /// Writes the gallery's pages: a file atomically, or frames staged beside the directory
    /// and swapped in whole (frame files of an earlier run go; other files stay).
    func writeGallery(_ pages: GalleryPages, to destination: GalleryDestination) throws {
        switch pages {
        case let .file(bytes):
            try AtomicFile.write(bytes, to: destination.path)
        case let .frames(frames):
            let staged = try StagedDirectory(destination: destination.path)
            for (i, bytes) in frames.enumerated() {
                try AtomicFile.write(bytes, to: staged.path + "/" + FrameFilesOutput.fileName(ofFrame: i, format: .png))
            }
            try staged.commit(keeping: FrameFilesOutput.isFrameFile)
        }
    }
}
