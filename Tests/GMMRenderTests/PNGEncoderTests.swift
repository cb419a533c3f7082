import Foundation
@testable import GMMRender
import Testing

/// gmmviz's own PNG encoder: checksums against published values, and every pixel back through
/// Cairo's (libpng's) decoder.
@Suite("PNG encoder")
struct PNGEncoderTests {
    @Test func checksumsMatchPublishedValues() {
        #expect(Checksums.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Checksums.adler32([]) == 1)
        // 100,000 bytes of 0xFF: long enough to cross several 5,552-byte reductions.
        #expect(Checksums.adler32([UInt8](repeating: 0xFF, count: 100_000)) == 0x149A_302C)
        #expect(Checksums.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(Checksums.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    /// Runs, repeated rows, noise (no matches at all) and odd sizes all decode to the same pixels.
    @Test(arguments: [(1, 1), (3, 2), (17, 9), (640, 37)])
    func decodesToTheSamePixels(_ size: (Int, Int)) throws {
        let (w, h) = size
        var state: UInt32 = 12345
        var pixels = [UInt32](repeating: 0xFFFFFF, count: w * h)
        for y in 0 ..< h {
            for x in 0 ..< w {
                if y % 5 == 2 { pixels[y * w + x] = pixels[max(0, y - 1) * w + x] }        // repeated row
                else if x % 7 < 3 { state = state &* 1_664_525 &+ 1_013_904_223; pixels[y * w + x] = state >> 8 }  // noise
                else if x % 7 == 5 { pixels[y * w + x] = 0x0072B2 }                       // short run
            }
        }
        let frame = RasterFrame(width: w, height: h, pixels: pixels)
        let png = try frame.pngData()
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let back = try RasterFrame.decodePNG(png)
        #expect(back.width == w && back.height == h)
        #expect(back.pixels == pixels)
        // The compact encoding, through Cairo's libpng writer, holds the very same pixels.
        let compact = try RasterFrame.decodePNG(try frame.compactPNGData())
        #expect(compact == frame)
    }
}
