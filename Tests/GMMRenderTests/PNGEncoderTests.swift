import Foundation
@testable import GMMRender
import Testing
import GMMImage

/// The frames' PNG encoder: checksums against published values, its rows, and every pixel
/// back through Cairo's (libpng's) decoder.
@Suite("PNG encoder")
struct PNGEncoderTests {
    @Test func chunkChecksumsMatchPublishedValues() {
        #expect(PNGEncoder.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    /// Every row starts with filter byte 0 and holds the pixels as R, G, B.
    @Test func rowsAreWrittenAsTheyAre() {
        let raw = PNGEncoder.rawRows(width: 2, height: 2, pixels: [0x102030, 0x405060, 0x708090, 0xA0B0C0])
        #expect(raw == [0, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0, 0x70, 0x80, 0x90, 0xA0, 0xB0, 0xC0])
    }

    /// Runs, repeated rows, noise (no matches at all) and odd sizes all decode to the same pixels.
    @Test(arguments: [(1, 1), (3, 2), (17, 9), (640, 37), (12000, 3)])
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
        let frame = RGBImage(width: w, height: h, pixels: pixels)
        let png = try frame.pngData()
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let back = try RGBImage.decodePNG(png)
        #expect(back.width == w && back.height == h)
        #expect(back.pixels == pixels)
    }
}
