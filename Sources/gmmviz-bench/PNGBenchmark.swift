import Foundation
import GMM
import GMMRender
import GMMImage

/// Encodes the demo's frames as PNG with the library's encoder (libdeflate) and compresses them
/// with the hand-written fixed-Huffman compressor it replaced, and reports time and size for each.
///
/// The two differ only in the zlib stream; the container around it is the library's. So the
/// hand-written figures are its stream's: the time to make the stream (the library's time also
/// includes its container, a CRC-32 of the stream and a few copies, small against compressing),
/// and the size of the stream plus the container bytes the library wrapped around its own.
enum PNGBenchmark {
    static func run(repeats: Int) throws -> String {
        let data = try Demo.data()
        let history = try GaussianMixture(components: 3).fit(data, initialization: .means(Demo.initialMeans)).history
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        let renderer = try FrameRenderer()
        let frames = try (0 ..< builder.snapshotCount).map { try renderer.renderRaster(try builder.scene(at: $0)) }

        func measure(_ encode: (RGBImage) throws -> [UInt8]) throws -> (ms: Double, bytes: Int) {
            var best = Double.infinity, bytes = 0
            for _ in 0 ..< max(1, repeats) {
                var total = 0
                // Thread CPU time, not wall time: the figure stays meaningful on a busy machine.
                let t = try cpuSeconds { for f in frames { total += try encode(f).count } }
                best = min(best, t)
                bytes = total
            }
            return (best * 1000 / Double(frames.count), bytes)
        }
        let library = try measure { try $0.pngData() }
        var handwritten = try measure { HandwrittenZlib.compress(width: $0.width, height: $0.height, pixels: $0.pixels) }
        handwritten.bytes += try frames.reduce(0) { total, frame in
            let png = try frame.pngData()
            return try total + png.count - idatLength(png)
        }
        return String(format: """
            {"frames": %d, "width": %d, "height": %d, "libdeflate_ms_per_frame": %.3f, "libdeflate_bytes": %d, \
            "handwritten_ms_per_frame": %.3f, "handwritten_bytes": %d}
            """, frames.count, frames[0].width, frames[0].height, library.ms, library.bytes, handwritten.ms, handwritten.bytes)
    }
}

/// The length of the data of the IDAT chunks of `png`, its zlib stream; the rest of the file is
/// the container.
func idatLength(_ png: [UInt8]) throws -> Int {
    var offset = 8, total = 0  // after the signature: length, type, data, CRC per chunk
    while offset + 8 <= png.count {
        let length = png[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) }
        if png[offset + 4 ..< offset + 8].elementsEqual("IDAT".utf8) { total += length }
        offset += 12 + length
    }
    guard offset == png.count else { throw BenchFailure(description: "the library's PNG ends inside a chunk") }
    return total
}

/// The CPU time the calling thread spends in `body`, in seconds.
func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let start = now()
    try body()
    return now() - start
}
