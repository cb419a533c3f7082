import Dispatch
import Foundation
import GMM
import GMMFiles
import GMMGIF
import GMMRender

/// Renders a timeline into a GIF and, when asked, one file per frame.
///
/// Frames are rendered, written and quantised in parallel, a batch at a time; the GIF encoder
/// then takes them in order. Every frame depends only on its timeline entry, so the output is
/// byte-identical whatever the number of threads, and memory holds one batch (two frames per
/// worker), however long the animation.
struct AnimationWriter {
    let builder: SceneBuilder
    let renderer: FrameRenderer
    let timeline: Timeline
    /// Where the GIF goes, or nil for frames only.
    let gifPath: String?
    let framesDirectory: String?
    let frameFormat: FrameFormat
    let loopCount: Int
    let dither: GIFDither
    let threads: Int

    struct Summary {
        var frames: Int
        var gifFrames: Int
        var gifBytes: Int
        var seconds: Double
    }

    /// File name of frame `index`: `frame_0000.png`, … — sorted by name, and what
    /// `ffmpeg -i frame_%04d.png` reads.
    static func frameName(_ index: Int, format: FrameFormat) -> String {
        String(format: "frame_%04d.", index) + format.fileExtension
    }

    /// Renders the animation of `history` on `data`: the one pipeline behind `render` and
    /// `select --render-best`.
    static func render(history: FitHistory, data: Dataset, options: RenderOptions, timeline: Timeline.Options,
                       gifPath: String?, framesDirectory: String?, frameFormat: FrameFormat = .png,
                       loopCount: Int = 0, dither: GIFDither = .none, threads: Int?, quiet: Bool) throws -> Summary {
        try Timeline.checkLength(iterations: history.iterations, options: timeline)
        let writer = AnimationWriter(builder: try SceneBuilder(history: history, data: data, options: options),
                                     renderer: try FrameRenderer(options: options),
                                     timeline: Timeline(iterations: history.iterations, options: timeline),
                                     gifPath: gifPath, framesDirectory: framesDirectory, frameFormat: frameFormat,
                                     loopCount: loopCount, dither: dither,
                                     threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        return try writer.run(quiet: quiet)
    }

    func run(quiet: Bool) throws -> Summary {
        var sink: FileGIFSink?
        do {
            return try run(quiet: quiet, sink: &sink)
        } catch let error as GIFError where error.call.hasPrefix("GIFSink.") {
            // The encoder wraps what its sink threw; the file's own error names the path,
            // the reason and the fix.
            throw sink?.failure ?? error
        }
    }

    private func run(quiet: Bool, sink fileSink: inout FileGIFSink?) throws -> Summary {
        let frames = timeline.frames
        var progress = ProgressBar(total: frames.count, quiet: quiet)
        defer { progress.finish() }

        var writer: GIFWriter<FileGIFSink>?
        var preparers = [GIFFramePreparer]()
        let gifOptions = GIFWriterOptions(dither: dither)
        if let gifPath {
            let palette = try makePalette()
            let sink = try FileGIFSink(path: gifPath)
            fileSink = sink
            writer = try GIFWriter(width: renderer.options.deviceWidth, height: renderer.options.deviceHeight,
                                   palette: palette, loopCount: loopCount, sink: sink, options: gifOptions)
            preparers = (0 ..< max(1, threads)).map { _ in GIFFramePreparer(palette: palette, options: gifOptions) }
        }

        let batch = max(1, threads * 2)
        var previous: IndexedFrame?
        var start = 0
        while start < frames.count {
            let range = start ..< min(frames.count, start + batch)
            let indexed = try renderBatch(range, palette: writer?.palette)
            if let w = writer {
                let prepared = try prepareBatch(indexed, after: previous, with: preparers)
                for (offset, frame) in prepared.enumerated() {
                    try w.add(frame, delay: frames[range.lowerBound + offset].delay)
                }
                previous = indexed.last ?? nil
            }
            progress.update(done: range.upperBound)
            start = range.upperBound
        }
        var summary = Summary(frames: frames.count, gifFrames: 0, gifBytes: 0, seconds: 0)
        if let w = writer {
            _ = try w.close()
            summary.gifFrames = w.framesWritten
            summary.gifBytes = w.bytesWritten
        }
        if let framesDirectory { try Self.removeStaleFrames(in: framesDirectory, keeping: frames.count) }
        summary.seconds = progress.elapsed
        return summary
    }

    /// Renders the frames of `range` concurrently: writes each frame's file and returns its
    /// palette indices for the GIF (in frame order), or throws the first error in frame order.
    private func renderBatch(_ range: Range<Int>, palette: GIFPalette?) throws -> [IndexedFrame?] {
        try parallelMap(range.count) { offset, _ in
            let index = range.lowerBound + offset
            let scene = try builder.scene(for: timeline.frames[index].content)
            if let dir = framesDirectory, frameFormat != .png {
                try renderer.write(scene, format: frameFormat, to: dir + "/" + Self.frameName(index, format: frameFormat))
            }
            guard palette != nil || (framesDirectory != nil && frameFormat == .png) else { return nil }
            let raster = try renderer.renderRaster(scene)
            if let dir = framesDirectory, frameFormat == .png {
                try AtomicFile.write(try raster.pngData(), to: dir + "/" + Self.frameName(index, format: .png))
            }
            return palette?.indices(for: RGBImage(width: raster.width, height: raster.height, pixels: raster.pixels), dither: dither)
        }
    }

    /// Finds each frame's changed rectangle and compresses it, concurrently: each frame needs
    /// only itself and the frame before it (`previous` for the batch's first).
    private func prepareBatch(_ indexed: [IndexedFrame?], after previous: IndexedFrame?,
                              with preparers: [GIFFramePreparer]) throws -> [PreparedGIFFrame] {
        let shared = UncheckedSendable(preparers)
        return try parallelMap(indexed.count) { offset, worker in
            guard let frame = indexed[offset] else { throw CommandFailure("internal error: a GIF frame was not rendered") }
            let before = offset == 0 ? previous : indexed[offset - 1]
            return shared.value[worker % shared.value.count].prepare(frame, after: before)
        }
    }

    /// `body(i, worker)` for i in 0..<count on `threads` workers (worker w takes i ≡ w mod
    /// threads, so a worker's scratch state is never shared); results in order, or the first
    /// error in order.
    private func parallelMap<Value>(_ count: Int, _ body: (Int, Int) throws -> Value) throws -> [Value] {
        let slots = ResultSlots<Value>(count: count)
        let workers = max(1, min(count, threads))
        withoutActuallyEscaping(body) { body in
            let job = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var i = worker
                while i < count {
                    slots.set(i, Result { try job.value(i, worker) })
                    i += workers
                }
            }
        }
        return try slots.values().map { try $0.get() }
    }

    /// One global palette: the scene's exact colours first, then what the first, a middle and
    /// the last frame actually contain.
    private func makePalette() throws -> GIFPalette {
        let frames = timeline.frames
        let picks = Array(Set([0, frames.count / 2, frames.count - 1])).sorted()
        let samples = try picks.map { i -> RGBImage in
            let raster = try renderer.renderRaster(try builder.scene(for: frames[i].content))
            return RGBImage(width: raster.width, height: raster.height, pixels: raster.pixels)
        }
        let seeds = RenderPalette(theme: renderer.options.theme).exactColors(components: builder.history.components)
        return GIFPalette.build(seeds: seeds, samples: samples)
    }

    /// Removes `frame_NNNN.*` files numbered `count` or more, left by an earlier, longer run,
    /// so a frame sequence read by ffmpeg never mixes two animations.
    static func removeStaleFrames(in directory: String, keeping count: Int) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix("frame_") {
            let parts = name.dropFirst(6).split(separator: ".")
            guard parts.count == 2, parts[0].count == 4, let n = Int(parts[0]), n >= count,
                  FrameFormat.allCases.contains(where: { $0.fileExtension == parts[1] }) else { continue }
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }
}

/// Per-index results written by concurrent workers, each to its own slot.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, Error>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<Value, Error>) { lock.lock(); slots[i] = r; lock.unlock() }
    func values() -> [Result<Value, Error>] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0 ?? .failure(CommandFailure("internal error: a frame was not rendered")) }
    }
}

/// A value shared by the workers that only read it or touch disjoint parts of it (the scene
/// builder, the renderer's options, the timeline; one GIF preparer per worker), so running
/// them concurrently is safe although not every capture is declared Sendable.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
