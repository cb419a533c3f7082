import Foundation
import GMMFiles
import GMMRender

/// The animation as one file per frame in a directory: `frame_0000.png`, `frame_0001.png`, …
/// (or `.svg`, `.pdf`), each written atomically: encoded by the worker that rendered it,
/// committed in frame order.
///
/// The directory is created at ``start(_:)`` when missing (not its parents). At ``finish()``
/// frame files numbered beyond this animation, left by an earlier and longer run, are removed,
/// so a sequence read by `ffmpeg -i frame_%04d.png` never mixes two animations. On failure the
/// frames already written stay, each complete.
public final class FrameFilesOutput: AnimationOutput {
    /// The directory the frames go to.
    public let directory: String
    /// The frames' file format.
    public let format: FrameFormat
    /// Frames written, after ``finish()``.
    public private(set) var framesWritten = 0

    public init(directory: String, format: FrameFormat = .png) {
        self.directory = directory
        self.format = format
    }

    /// File name of frame `index`: `frame_0000.png`, … — sorted by name.
    public static func fileName(ofFrame index: Int, format: FrameFormat) -> String {
        String(format: "frame_%04d.", index) + format.fileExtension
    }

    /// The pixels of PNG frames, the drawing of SVG and PDF ones.
    public var needs: FrameContents { format == .png ? .pixels : .vector }

    public func start(_ facts: AnimationFacts) throws {
        try AtomicFile.makeDirectory(directory)
    }

    /// Encodes a PNG frame into its temporary file and returns the file, not yet committed:
    /// its `fsync` waits for the disk, so it is left to ``consume(_:from:)``, where the wait
    /// overlaps the workers' drawing instead of leaving their core idle. SVG and PDF frames are
    /// encoded, written and committed here.
    public func produce(_ frame: AnimationFrame, worker: Int) throws -> OutputFile? {
        let path = directory + "/" + Self.fileName(ofFrame: frame.index, format: format)
        switch format {
        case .png:
            guard let image = frame.image else { throw AnimationOutputState.missing("pixels", output: "FrameFilesOutput") }
            let file = try OutputFile(path: path)
            try file.write(try image.pngData())
            return file
        case .svg, .pdf:
            guard let vector = frame.vector else { throw AnimationOutputState.missing("drawing", output: "FrameFilesOutput") }
            try AtomicFile.write(try vector.encoded(as: format), to: path)
            return nil
        }
    }

    /// Commits the frames' files in order (flushed, then renamed into place). A frame whose
    /// file is never committed, after a failure elsewhere, leaves nothing: the file's `deinit`
    /// removes its temporary.
    public func consume(_ products: [OutputFile?], from first: Int) throws {
        for file in products { try file?.commit() }
        framesWritten = first + products.count
    }

    public func finish() throws {
        Self.removeStaleFrames(in: directory, keeping: framesWritten)
    }

    public func abort() {}

    /// Removes `frame_NNNN.*` files numbered `count` or more in `directory`. Only names this
    /// output writes are touched; anything else in the directory stays.
    static func removeStaleFrames(in directory: String, keeping count: Int) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix("frame_") {
            let parts = name.dropFirst(6).split(separator: ".")
            guard parts.count == 2, parts[0].count == 4, let n = Int(parts[0]), n >= count,
                  FrameFormat.allCases.contains(where: { $0.fileExtension == parts[1] }) else { continue }
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }
}
