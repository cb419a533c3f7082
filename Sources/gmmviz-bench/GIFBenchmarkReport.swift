/// Figures from one encoding run: sizes, per-stage timings and peak memory.
struct GIFBenchmarkReport: Sendable, Equatable, CustomStringConvertible {
    var width: Int
    var height: Int
    /// Frames added.
    var frames: Int
    /// Frames in the GIF (identical frames merged).
    var framesWritten: Int
    /// Size of the GIF in bytes.
    var bytes: Int
    /// Palette construction, once per animation.
    var paletteMilliseconds: Double
    /// Mean time of `GIFPalette.indices(for:)` per frame.
    var quantizeMilliseconds: Double
    /// Mean time of `GIFWriter.add(IndexedFrame:delay:)` per frame, writing included (close too,
    /// spread over the frames).
    var encodeMilliseconds: Double
    /// The slowest frame, quantising plus encoding.
    var worstFrameMilliseconds: Double
    /// Peak resident set size of the process (`VmHWM`), in KiB, when the platform reports it.
    var peakResidentKiB: Int?

    /// Mean quantise + encode time per frame.
    var frameMilliseconds: Double { quantizeMilliseconds + encodeMilliseconds }

    var description: String {
        func ms(_ v: Double) -> String {
            let scaled = (v * 1000).rounded() / 1000
            return "\(scaled) ms"
        }
        var lines = [
            "frames: \(frames) of \(width) × \(height) (\(framesWritten) written)",
            "bytes: \(bytes)",
            "palette: \(ms(paletteMilliseconds))",
            "quantise per frame: \(ms(quantizeMilliseconds))",
            "encode per frame: \(ms(encodeMilliseconds))",
            "quantise + encode per frame: \(ms(frameMilliseconds)) (worst \(ms(worstFrameMilliseconds)))",
        ]
        if let peakResidentKiB { lines.append("peak RSS: \(peakResidentKiB) KiB") }
        return lines.joined(separator: "\n")
    }

    /// The same figures as one JSON object, for scripts.
    var json: String {
        let fields: [(String, String)] = [
            ("width", "\(width)"), ("height", "\(height)"), ("frames", "\(frames)"),
            ("frames_written", "\(framesWritten)"), ("bytes", "\(bytes)"),
            ("palette_ms", "\(paletteMilliseconds)"), ("quantize_ms", "\(quantizeMilliseconds)"),
            ("encode_ms", "\(encodeMilliseconds)"), ("frame_ms", "\(frameMilliseconds)"),
            ("worst_frame_ms", "\(worstFrameMilliseconds)"),
            ("peak_rss_kib", peakResidentKiB.map { "\($0)" } ?? "null"),
        ]
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
}
