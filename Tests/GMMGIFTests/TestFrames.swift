import GMMGIF
import GMMImage

/// Small synthetic frames for the round-trip tests.
enum TestFrames {
    static let white: UInt32 = 0xFFFFFF
    static let seeds: [UInt32] = [white, 0x000000, 0x1F77B4, 0xD62728, 0x2CA02C]

    /// A `width × height` white frame with an anti-aliased disc at (`cx`, `cy`) and a square.
    static func shapes(width: Int, height: Int, cx: Double, cy: Double, square: Int) -> RGBImage {
        var pixels = [UInt32](repeating: white, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                let coverage = min(1, max(0, 10.5 - (dx * dx + dy * dy).squareRoot()))
                if coverage > 0 { pixels[y * width + x] = blend(white, seeds[2], coverage) }
                if x >= square && x < square + 12 && y >= 4 && y < 16 { pixels[y * width + x] = seeds[3] }
            }
        }
        for x in 0..<width { pixels[(height - 2) * width + x] = seeds[1] }  // an axis
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    static func blend(_ a: UInt32, _ b: UInt32, _ t: Double) -> UInt32 {
        func ch(_ s: UInt32) -> UInt32 {
            let x = Double((a >> s) & 0xFF), y = Double((b >> s) & 0xFF)
            return UInt32((x + t * (y - x)).rounded()) << s
        }
        return ch(16) | ch(8) | ch(0)
    }

    /// Encodes `frames` with their delays into memory; returns the bytes and the palette.
    static func encode(_ frames: [RGBImage], delays: [Int], loopCount: Int = 0,
                       palette: GIFPalette? = nil) throws -> (bytes: [UInt8], palette: GIFPalette) {
        let palette = palette ?? GIFPalette.build(seeds: seeds, samples: frames)
        let writer = try GIFWriter(width: frames[0].width, height: frames[0].height, palette: palette,
                                   loopCount: loopCount, sink: MemoryGIFSink())
        for (frame, delay) in zip(frames, delays) { try writer.add(frame, delay: delay) }
        return (try writer.close().bytes, palette)
    }

    /// What a decoder must show for `frame`: each pixel replaced by its palette colour.
    static func expected(_ frame: RGBImage, _ palette: GIFPalette) -> [UInt32] {
        palette.indices(for: frame).indices.map { palette.colors[Int($0)] }
    }
}
