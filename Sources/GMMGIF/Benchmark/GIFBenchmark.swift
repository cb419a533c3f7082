import Foundation

/// Timing and memory measurements of the encoder, for a benchmark executable to call
/// (build it in release: per-pixel loops are about 10× slower in debug).
public enum GIFBenchmark {
    /// Encodes `frameCount` frames produced one at a time by `frame` (so only the frame being
    /// encoded is in memory), timing each stage.
    ///
    /// - Parameters:
    ///   - seeds: the scene's exact colours, as for ``GIFPalette/build(seeds:samples:reserveTransparent:)``.
    ///   - sampleCount: frames, evenly spaced, whose colours fill the palette (rendered twice).
    ///   - delay: every frame's delay, 1/100 s.
    ///   - sink: where the GIF goes; pass a ``CountingGIFSink`` to measure without storing it.
    public static func run<Sink: GIFSink>(frameCount: Int, seeds: [UInt32], sampleCount: Int = 3,
                                          maxColors: Int = 256, delay: Int = 10, sink: Sink,
                                          frame: (Int) throws -> RGBImage) throws -> (GIFBenchmarkReport, Sink) {
        guard frameCount > 0 else {
            throw GIFError.invalid("GIFBenchmark.run", "frameCount must be positive, got \(frameCount)",
                                   fix: "pass at least one frame")
        }
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
        let report = GIFBenchmarkReport(
            width: first.width, height: first.height, frames: frameCount,
            framesWritten: writer.framesWritten, bytes: writer.bytesWritten,
            paletteMilliseconds: paletteTime.milliseconds,
            quantizeMilliseconds: quantize.milliseconds / n, encodeMilliseconds: encode.milliseconds / n,
            worstFrameMilliseconds: worst.milliseconds, peakResidentKiB: peakResidentKiB())
        return (report, writer.sink)
    }

    /// ``run(frameCount:seeds:sampleCount:delay:sink:frame:)`` on ``SyntheticPlot`` frames into
    /// a ``CountingGIFSink``: the speed (acceptance 4) and memory (acceptance 5) measurement.
    public static func runSynthetic(frameCount: Int, width: Int = 1000, height: Int = 600,
                                    maxColors: Int = 256) throws -> GIFBenchmarkReport {
        try run(frameCount: frameCount, seeds: SyntheticPlot.seeds, maxColors: maxColors, sink: CountingGIFSink()) {
            SyntheticPlot.frame(index: $0, count: frameCount, width: width, height: height)
        }.0
    }

    /// The process's peak resident set size in KiB (`VmHWM` in `/proc/self/status`), or `nil`.
    public static func peakResidentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}

extension Duration {
    var milliseconds: Double {
        let (s, atto) = components
        return Double(s) * 1000 + Double(atto) / 1e15
    }
}
