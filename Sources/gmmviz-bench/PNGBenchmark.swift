import Foundation
import GMM
import GMMRender

/// Encodes the demo's frames as PNG with the library's encoder (libdeflate) and with the
/// hand-written fixed-Huffman encoder it replaced, and reports time and size for each.
enum PNGBenchmark {
    static func run(repeats: Int) throws -> String {
        let data = try Demo.data()
        let history = try GaussianMixture(components: 3).fit(data, initialization: .means(Demo.initialMeans)).history
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        let renderer = try FrameRenderer()
        let frames = try (0 ..< builder.snapshotCount).map { try renderer.renderRaster(try builder.scene(at: $0)) }

        func measure(_ encode: (RasterFrame) throws -> [UInt8]) throws -> (ms: Double, bytes: Int) {
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
        let handwritten = try measure { HandwrittenPNG.encode(width: $0.width, height: $0.height, pixels: $0.pixels) }
        return String(format: """
            {"frames": %d, "width": %d, "height": %d, "libdeflate_ms_per_frame": %.3f, "libdeflate_bytes": %d, \
            "handwritten_ms_per_frame": %.3f, "handwritten_bytes": %d}
            """, frames.count, frames[0].width, frames[0].height, library.ms, library.bytes, handwritten.ms, handwritten.bytes)
    }
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
