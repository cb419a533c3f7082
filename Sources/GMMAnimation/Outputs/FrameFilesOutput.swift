import Foundation
import GMMFiles
import GMMRender

/// The animation as one file per frame in a directory: `frame_0000.png`, `frame_0001.png`, …
/// (or `.svg`, `.pdf`), each written atomically: encoded by the worker that rendered it,
/// committed in frame order.
///
/// The set is built in a staging directory beside the destination (`StagedDirectory`) and
/// swapped into place at ``finish()``: the directory (not its parents) holds either the frames
/// of an earlier run or all the frames of this one, never a mixture — a sequence read by
/// `ffmpeg -i frame_%04d.png` never mixes two animations. Frame files of the earlier run go
/// with it; any other file in the directory stays. On failure, or a signal handled with
/// `TemporaryFiles/removeAll()`, the directory is left as it was.
public final class FrameFilesOutput: AnimationOutput {
    /// The directory the frames go to.
    public let directory: String
    /// The frames' file format.
    public let format: FrameFormat
    /// Frames written, after ``finish()``.
    public private(set) var framesWritten = 0

    private var staged: StagedDirectory?

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
        staged = try StagedDirectory(destination: directory)
    }

    /// Encodes a PNG frame into its temporary file and returns the file, not yet committed:
    /// its `fsync` waits for the disk, so it is left to ``consume(_:from:)``, where the wait
    /// overlaps the workers' drawing instead of leaving their core idle. SVG and PDF frames are
    /// encoded, written and committed here.
    public func produce(_ frame: AnimationFrame, worker: Int) throws -> OutputFile? {
        guard let staged else { throw AnimationOutputState.notStarted("FrameFilesOutput") }
        let path = staged.path + "/" + Self.fileName(ofFrame: frame.index, format: format)
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
        guard let staged else { throw AnimationOutputState.notStarted("FrameFilesOutput") }
        try staged.commit(keeping: Self.isFrameFile)
        self.staged = nil
    }

    public func abort() {
        staged?.abort()
        staged = nil
    }

    /// Whether `name` is a frame file this output writes: `frame_NNNN.` and a frame format's
    /// extension.
    public static func isFrameFile(_ name: String) -> Bool {
        guard name.hasPrefix("frame_") else { return false }
        let parts = name.dropFirst(6).split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 4 && parts[0].allSatisfy(\.isASCII) && Int(parts[0]) != nil
            && FrameFormat.allCases.contains { $0.fileExtension == parts[1] }
    }
}
