import Foundation
import GMM
import GMMAnimation
import GMMFiles
import GMMRender

/// What `render` and `select --render-best` ask of the animation library: where the GIF and
/// the frame files go, and how the run is reported on standard error.
struct AnimationJob {
    /// The GIF's path, or nil for frame files only.
    var gifPath: String?
    var gifOptions = GIFOutput.Options()
    /// The frame directory, or nil for no frame files.
    var framesDirectory: String?
    var frameFormat: FrameFormat = .png
    var threads: Int?
    var quiet: Bool

    /// Checks every destination before any work, so a typo costs nothing, and creates nothing:
    /// a command that then fails on its input leaves the file system as it was. The default
    /// `output/` directory counts as writable while it does not exist yet; it is created when
    /// there is something to write into it.
    func checkDestinations() throws {
        if let gifPath, !Self.waitsForDefaultDirectory(gifPath) { try AtomicFile.checkDestination(gifPath) }
        if let framesDirectory, !Self.waitsForDefaultDirectory(framesDirectory) { try AtomicFile.checkDirectory(framesDirectory) }
    }

    /// Renders `history`'s animation on `data` into the GIF and frame files, with a progress
    /// bar, then prints the summary line.
    func run(history: FitHistory, data: Dataset, options: RenderOptions, timeline: Timeline.Options) throws {
        let animation = try Animation(history: history, data: data, options: options, timeline: timeline)
        var outputs = [any AnimationOutput]()
        var gif: GIFOutput?
        if [gifPath, framesDirectory].contains(where: { $0.map(Self.waitsForDefaultDirectory) ?? false }) {
            try AtomicFile.makeDirectory(Render.defaultDirectory)
        }
        if let gifPath {
            let output = try GIFOutput(path: gifPath, options: gifOptions)
            gif = output
            outputs.append(output)
        }
        if let framesDirectory { outputs.append(FrameFilesOutput(directory: framesDirectory, format: frameFormat)) }

        var bar = ProgressBar(total: animation.timeline.frames.count, quiet: quiet)
        defer { bar.finish() }
        let summary = try animation.render(to: outputs, workers: try Workers(count: threads)) { done, _ in
            bar.update(done: done)
        }
        guard !quiet else { return }
        var parts = ["\(summary.frames) frames of \(history.iterations) iterations\(history.converged ? " (converged)" : "")"]
        if let gif { parts.append("\(gif.path) (\(Self.size(gif.bytesWritten)), \(gif.framesWritten) GIF frames)") }
        if let framesDirectory { parts.append("\(framesDirectory)/frame_*.\(frameFormat.fileExtension)") }
        parts.append(String(format: "%.1f s", bar.elapsed))
        bar.finish()
        Terminal.note("wrote " + parts.joined(separator: ", "))
    }

    /// Whether `path` lies directly in the default `output/` directory and that directory does
    /// not exist yet (a fresh checkout: `output/comb.gif`, `output/frames`).
    private static func waitsForDefaultDirectory(_ path: String) -> Bool {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let parent = trimmed.lastIndex(of: "/").map { String(trimmed[..<$0]) } ?? ""
        return [Render.defaultDirectory, "./" + Render.defaultDirectory].contains(parent)
            && !FileManager.default.fileExists(atPath: Render.defaultDirectory)
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1048576) : String(format: "%.0f KB", Double(bytes) / 1024)
    }
}
