import Foundation

/// Whole-file encoding entry points for tools (the benchmark script feeds PNG frames converted
/// to raw RGB by Pillow, since GMMGIF reads no image formats).
public enum GIFEncoding {
    /// Encodes raw frames into the GIF at `output` (written through ``FileGIFSink``).
    ///
    /// - Parameters:
    ///   - paths: one file per frame, in order: `width × height × 3` bytes, R, G, B, row-major,
    ///     top row first, no padding (what Pillow's `Image.tobytes()` gives for an RGB image).
    ///   - delay: each frame's delay, 1/100 s.
    ///   - seeds: colours that must stay exact; frames' most frequent colours stay exact anyway.
    ///   - sampleCount: evenly spaced frames whose colours build the palette.
    /// - Returns: the figures of the run (frames are read one at a time; memory stays flat).
    @discardableResult
    public static func encodeRawFrames(paths: [String], width: Int, height: Int, delay: Int,
                                       output: String, seeds: [UInt32] = [], sampleCount: Int = 5,
                                       maxColors: Int = 256) throws -> GIFBenchmarkReport {
        guard !paths.isEmpty else {
            throw GIFError.invalid("GIFEncoding.encodeRawFrames", "no frame files given", fix: "pass at least one raw RGB file")
        }
        let sink = try FileGIFSink(path: output)
        return try GIFBenchmark.run(frameCount: paths.count, seeds: seeds, sampleCount: sampleCount,
                                    maxColors: maxColors, delay: delay, sink: sink) { i in
            try readRaw(paths[i], width: width, height: height)
        }.0
    }

    /// Reads one raw RGB file (`width × height × 3` bytes) as an ``RGBImage``.
    public static func readRaw(_ path: String, width: Int, height: Int) throws -> RGBImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GIFError.invalid("GIFEncoding.readRaw", "cannot read \(path)", fix: "check the path and its permissions")
        }
        guard width > 0, height > 0, data.count == width * height * 3 else {
            throw GIFError.invalid("GIFEncoding.readRaw",
                                   "\(path) has \(data.count) bytes, expected \(width) × \(height) × 3 = \(width * height * 3)",
                                   fix: "pass the frames' real size, and RGB (not RGBA) bytes")
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
