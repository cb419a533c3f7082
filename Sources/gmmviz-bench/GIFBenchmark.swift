import Foundation
import GMMGIF
import GMMImage
import SyntheticFrames

/// Timing and memory measurements of the GIF encoder (build in release: per-pixel loops are
/// about 10× slower in debug).
enum GIFBenchmark {
    /// Encodes `frameCount` frames produced one at a time by `frame` (so only the frame being
    /// encoded is in memory), timing each stage.
    ///
    /// - Parameters:
    ///   - seeds: the scene's exact colours, as for `GIFPalette.build(seeds:samples:)`.
    ///   - sampleCount: frames, evenly spaced, whose colours fill the palette (rendered twice).
    ///   - delay: every frame's delay, 1/100 s.
    ///   - sink: where the GIF goes; a `CountingGIFSink` measures without storing it.
    static func run<Sink: GIFSink>(frameCount: Int, seeds: [UInt32], sampleCount: Int = 3,
                                   maxColors: Int = 256, delay: Int = 10, sink: Sink,
                                   frame: (Int) throws -> RGBImage) throws -> GIFBenchmarkReport {
        guard frameCount > 0 else { throw BenchFailure(description: "frameCount must be positive, got \(frameCount)") }
        let clock = ContinuousClock()
        let picks = Set((0..<max(1, min(sampleCount, frameCount))).map {
            sampleCount <= 1 ? 0 : $0 * (frameCount - 1) / (min(sampleCount, frameCount) - 1)
        }).sorted()
        let samples = try picks.map(frame)
        var palette = GIFPalette.build(seeds: seeds, samples: [])
        let paletteTime = clock.measure { palette = GIFPalette.build(seeds: seeds, samples: samples, maxColors: maxColors) }
        let first = samples[0]
        let writer = try GIFWriter(width: first.width, height: first.height, palette: palette, sink: sink)
        var quantize = Duration.zero, encode = Duration.zero, worst = Duration.zero
        for i in 0..<frameCount {
            let image = try frame(i)
            var indexed = IndexedFrame(width: 0, height: 0, indices: [])
            let q = clock.measure { indexed = palette.indices(for: image) }
            let start = clock.now
            try writer.add(indexed, delay: delay)
            let e = clock.now - start
            quantize += q
            encode += e
            worst = max(worst, q + e)
        }
        let closeTime = try clock.measure { try writer.close() }
        encode += closeTime
        let n = Double(frameCount)
        return GIFBenchmarkReport(
            width: first.width, height: first.height, frames: frameCount,
            framesWritten: writer.framesWritten, bytes: writer.bytesWritten,
            paletteMilliseconds: paletteTime.milliseconds,
            quantizeMilliseconds: quantize.milliseconds / n, encodeMilliseconds: encode.milliseconds / n,
            worstFrameMilliseconds: worst.milliseconds, peakResidentKiB: PeakMemory.residentKiB())
    }

    /// ``run(frameCount:seeds:sampleCount:maxColors:delay:sink:frame:)`` on `SyntheticPlot`
    /// frames into a `CountingGIFSink`: the encoder's speed and peak memory with nothing stored.
    static func runSynthetic(frameCount: Int, width: Int = 1000, height: Int = 600,
                             maxColors: Int = 256) throws -> GIFBenchmarkReport {
        try run(frameCount: frameCount, seeds: SyntheticPlot.seeds, maxColors: maxColors, sink: CountingGIFSink()) {
            SyntheticPlot.frame(index: $0, count: frameCount, width: width, height: height)
        }
    }

    /// Encodes raw frames into the GIF at `output` (written through `FileGIFSink`).
    ///
    /// - Parameters:
    ///   - paths: one file per frame, in order: `width × height × 3` bytes, R, G, B, row-major,
    ///     top row first, no padding (what Pillow's `Image.tobytes()` gives for an RGB image).
    ///   - delay: each frame's delay, 1/100 s.
    ///   - seeds: colours that must stay exact; frames' most frequent colours stay exact anyway.
    ///   - sampleCount: evenly spaced frames whose colours build the palette.
    /// - Returns: the figures of the run (frames are read one at a time; memory stays flat).
    static func encodeRawFrames(paths: [String], width: Int, height: Int, delay: Int,
                                output: String, seeds: [UInt32] = [], sampleCount: Int = 5,
                                maxColors: Int = 256) throws -> GIFBenchmarkReport {
        guard !paths.isEmpty else { throw BenchFailure(description: "encode-raw: no frame files given") }
        let sink = try FileGIFSink(path: output)
        return try run(frameCount: paths.count, seeds: seeds, sampleCount: sampleCount,
                       maxColors: maxColors, delay: delay, sink: sink) { i in
            try readRaw(paths[i], width: width, height: height)
        }
    }

    /// Reads one raw RGB file (`width × height × 3` bytes) as an `RGBImage`.
    static func readRaw(_ path: String, width: Int, height: Int) throws -> RGBImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchFailure(description: "cannot read \(path); check the path and its permissions")
        }
        guard width > 0, height > 0, data.count == width * height * 3 else {
            throw BenchFailure(description: "\(path) has \(data.count) bytes, expected \(width) × \(height) × 3 = \(width * height * 3); "
                + "pass the frames' real size, and RGB (not RGBA) bytes")
        }
        var pixels = [UInt32](repeating: 0, count: width * height)
        data.withUnsafeBytes { raw in
            for i in 0..<pixels.count {
                pixels[i] = UInt32(raw[3 * i]) << 16 | UInt32(raw[3 * i + 1]) << 8 | UInt32(raw[3 * i + 2])
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}

extension Duration {
    var milliseconds: Double {
        let (s, atto) = components
        return Double(s) * 1000 + Double(atto) / 1e15
    }
}
