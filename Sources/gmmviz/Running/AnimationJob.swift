import Foundation
import GMM
import GMMAnimation
import GMMFiles
import GMMRender

/// What `render` and `select --render-best` ask of the animation library: where the animation
/// (a GIF, a PDF deck or an HTML player, by the extension of `--out`) and the frame files go,
/// and how the run is reported on standard error.
struct AnimationJob {
    /// The animation's path and format, or nil for frame files only.
    var out: AnimationDestination?
    var gifOptions = GIFOutput.Options()
    /// The data's name as the user gave it, shown by the HTML player.
    var sourceName: String?
    /// The frame directory, or nil for no frame files.
    var framesDirectory: String?
    var frameFormat: FrameFormat = .png
    var threads: Int?
    /// The video encoder's quality, or nil for the format's default.
    var videoQuality: Int?
    var quiet: Bool

    /// The outputs of one run, made by ``prepare()``.
    struct Outputs {
        var all: [any AnimationOutput] = []
        var gif: GIFOutput?
        var deck: PDFDeckOutput?
        var player: HTMLPlayerOutput?
        var video: VideoOutput?
    }

    /// Checks every destination and makes the outputs before any work, so a typo or an option
    /// an output rejects (the GIF's loop count) costs nothing, and creates nothing: a command
    /// that then fails on its input leaves the file system as it was. The default `output/`
    /// directory counts as writable while it does not exist yet; it is created when there is
    /// something to write into it.
    func prepare() throws -> Outputs {
        if let outPath = out?.path, !Self.waitsForDefaultDirectory(outPath) { try AtomicFile.checkDestination(outPath) }
        if let framesDirectory, !Self.waitsForDefaultDirectory(framesDirectory) { try AtomicFile.checkDirectory(framesDirectory) }
        var outputs = Outputs()
        if let outPath = out?.path, let format = out?.format {
            switch format {
            case .gif:
                let output = try GIFOutput(path: outPath, options: gifOptions)
                outputs.gif = output
                outputs.all.append(output)
            case .pdf:
                let output = PDFDeckOutput(path: outPath)
                outputs.deck = output
                outputs.all.append(output)
            case .html:
                let output = HTMLPlayerOutput(path: outPath, options: HTMLPlayerOutput.Options(sourceName: sourceName))
                outputs.player = output
                outputs.all.append(output)
            case .mp4, .webm:
                let codec: VideoOutput.Codec = format == .mp4 ? .h264 : .vp9
                let output = try VideoOutput(path: outPath, options: VideoOutput.Options(codec: codec, quality: videoQuality))
                outputs.video = output
                outputs.all.append(output)
            }
        }
        if let framesDirectory { outputs.all.append(FrameFilesOutput(directory: framesDirectory, format: frameFormat)) }
        return outputs
    }

    /// Renders `history`'s animation on `data` into the outputs ``prepare()`` made, with a
    /// progress bar, then prints the summary line (unless `summary` is false); with
    /// `comparison`, that k-means run beside the EM in every frame; with `starts`, every run
    /// in a grid (`history` the best of them).
    func run(_ outputs: Outputs, history: FitHistory, data: Dataset, options: RenderOptions, timeline: Timeline.Options,
             comparison: KMeansHistory? = nil, starts: [FitHistory]? = nil, summary printsSummary: Bool = true) throws {
        // Frame-sized blocks stay on the heap from here on; set only for a render, so that
        // `fit` and `select` keep glibc's defaults and give large blocks back when freed.
        AllocatorSettings.configureForFrames()
        let animation = try Animation(history: history, data: data, options: options, timeline: timeline,
                                      comparison: comparison, starts: starts)
        if [out?.path, framesDirectory].contains(where: { $0.map(Self.waitsForDefaultDirectory) ?? false }) {
            try AtomicFile.makeDirectory(Render.defaultDirectory)
        }

        var bar = ProgressBar(total: animation.timeline.frames.count, quiet: quiet)
        defer { bar.finish() }
        let summary = try animation.render(to: outputs.all, workers: try Workers(count: threads)) { done, _ in
            bar.update(done: done)
        }
        guard !quiet, printsSummary else { return }
        var parts = ["\(summary.frames) frames of \(history.iterations) iterations\(history.converged ? " (converged)" : "")"]
        if let starts, let longest = starts.map(\.iterations).max() {
            parts = ["\(summary.frames) frames of \(starts.count) runs (the best \(history.iterations) iterations, the longest \(longest))"]
        }
        if let gif = outputs.gif { parts.append("\(gif.path) (\(Self.size(gif.bytesWritten)), \(gif.framesWritten) GIF frames)") }
        if let deck = outputs.deck { parts.append("\(deck.path) (\(Self.size(deck.bytesWritten)), \(deck.pagesWritten) pages)") }
        if let player = outputs.player {
            let note = player.includesPointData ? "" : "; per-point data left out above \(player.options.pointLimit) points"
            parts.append("\(player.path) (\(Self.size(player.bytesWritten)), \(player.framesWritten) frames\(note))")
        }
        if let video = outputs.video { parts.append("\(video.path) (\(Self.size(video.bytesWritten)), \(video.framesWritten) frames)") }
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
