import Foundation
import GMM
@testable import GMMAnimation
import GMMRender
import Testing
import TestSupport


private func read(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

/// Decodes a binary PPM (P6, maxval 255), as `pdftoppm` writes it, to 0x00RRGGBB pixels.
private func decodePPM(_ bytes: [UInt8]) throws -> (width: Int, height: Int, pixels: [UInt32]) {
    var fields = [String](), i = 0
    while fields.count < 4, i < bytes.count {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        var token = ""
        while i < bytes.count, !(bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) {
            token.append(Character(UnicodeScalar(bytes[i])))
            i += 1
        }
        fields.append(token)
    }
    i += 1
    guard fields.count == 4, fields[0] == "P6", let w = Int(fields[1]), let h = Int(fields[2]), fields[3] == "255",
          bytes.count - i >= w * h * 3 else { throw PPMError() }
    var pixels = [UInt32](repeating: 0, count: w * h)
    for p in 0 ..< w * h {
        pixels[p] = UInt32(bytes[i + 3 * p]) << 16 | UInt32(bytes[i + 3 * p + 1]) << 8 | UInt32(bytes[i + 3 * p + 2])
    }
    return (w, h, pixels)
}

private struct PPMError: Error {}

/// `image` shrunk by an integer `factor`, each pixel the mean of a `factor` × `factor` block.
private func boxFiltered(_ image: (width: Int, height: Int, pixels: [UInt32]), by factor: Int) -> (width: Int, height: Int, pixels: [UInt32]) {
    let w = image.width / factor, h = image.height / factor
    var out = [UInt32](repeating: 0, count: w * h)
    for y in 0 ..< h {
        for x in 0 ..< w {
            var sums = [0, 0, 0]
            for dy in 0 ..< factor {
                for dx in 0 ..< factor {
                    let p = image.pixels[(y * factor + dy) * image.width + x * factor + dx]
                    sums[0] += Int(p >> 16 & 0xFF)
                    sums[1] += Int(p >> 8 & 0xFF)
                    sums[2] += Int(p & 0xFF)
                }
            }
            let n = factor * factor
            let rgb = sums.map { UInt32(($0 + n / 2) / n) }
            out[y * w + x] = rgb[0] << 16 | rgb[1] << 8 | rgb[2]
        }
    }
    return (w, h, out)
}

private func psnr(_ a: [UInt32], _ b: [UInt32]) -> Double {
    var se = 0.0
    for (p, q) in zip(a, b) {
        for shift: UInt32 in [16, 8, 0] {
            let d = Double(Int((p >> shift) & 0xFF) - Int((q >> shift) & 0xFF))
            se += d * d
        }
    }
    let mse = se / Double(3 * a.count)
    return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
}

@Suite("PDF deck")
struct PDFDeckOutputTests {
    /// The deck has one page per timeline frame, no creation date, labelled pages, and the same
    /// bytes on 1, 2 or 3 workers.
    @Test(arguments: [Timeline.Steps.iterations, .em])
    func deckHasOnePagePerFrameAndIsReproducible(steps: Timeline.Steps) throws {
        let animation = try Animation(history: demo.history, data: demo.data,
                                      timeline: Timeline.Options(steps: steps, tween: steps == .em ? 1 : 0))
        let dir = TestPaths.temporaryDirectory()
        var decks = [[UInt8]]()
        for threads in [1, 2, 3] {
            let path = dir.appendingPathComponent("deck\(threads).pdf").path
            let output = PDFDeckOutput(path: path)
            try animation.render(to: [output], workers: try Workers(count: threads))
            #expect(output.pagesWritten == animation.timeline.frames.count)
            decks.append(try read(path))
        }
        #expect(decks[0] == decks[1] && decks[1] == decks[2])
        let info = try CommandRunner.run([dir.appendingPathComponent("deck1.pdf").path], executable: "/usr/bin/pdfinfo")
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Pages:           \(animation.timeline.frames.count)\n"), "\(info.stdout)")
        #expect(!info.stdout.contains("CreationDate"))
        let text = String(decoding: decks[0], as: UTF8.self)
        #expect(!text.contains("/CreationDate"))
        #expect(text.contains("/PageLabels"))
        #expect(pageLabels(decks[0]).count == animation.timeline.frames.count)
    }

    /// Page 1 and the last page match the PNG frames: 30 dB PSNR, since text rasterises
    /// differently. `pdftoppm` renders them at 4 × 72 dpi, box-filtered down to the frame's
    /// size (poppler places glyphs at quarter pixels where Cairo's raster snaps them to whole
    /// pixels, which alone costs about a decibel on these text-dense frames at 72 dpi), and
    /// `pdftocairo` at 72 dpi (1 pt = 1 px).
    @Test func deckPagesMatchThePNGFrames() throws {
        let animation = try Animation(history: demo.history, data: demo.data)
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("deck.pdf").path
        try animation.render(to: [PDFDeckOutput(path: path)], workers: try Workers(count: 2))
        let last = animation.timeline.frames.count
        for page in [1, last] {
            let raster = try animation.renderer.renderRaster(try animation.builder.scene(for: animation.timeline.frames[page - 1].content))
            let prefix = dir.appendingPathComponent("page\(page)").path
            let r = try CommandRunner.run(["-r", "288", "-f", "\(page)", "-l", "\(page)", "-singlefile", path, prefix],
                                          executable: "/usr/bin/pdftoppm")
            #expect(r.status == 0, "\(r.stderr)")
            let image = boxFiltered(try decodePPM(try read(prefix + ".ppm")), by: 4)
            #expect(image.width == raster.width && image.height == raster.height)
            let quality = psnr(image.pixels, raster.pixels)
            #expect(quality >= 30, "pdftoppm, page \(page): \(quality) dB")

            let cairoPrefix = dir.appendingPathComponent("cairo\(page)").path
            let c = try CommandRunner.run(["-png", "-r", "72", "-f", "\(page)", "-l", "\(page)", "-singlefile", path, cairoPrefix],
                                          executable: "/usr/bin/pdftocairo")
            #expect(c.status == 0, "\(c.stderr)")
            let viaCairo = try PNGDecoding.decode(try read(cairoPrefix + ".png"))
            #expect(viaCairo.width == raster.width && viaCairo.height == raster.height)
            let cairoQuality = psnr(viaCairo.pixels, raster.pixels)
            #expect(cairoQuality >= 30, "pdftocairo, page \(page): \(cairoQuality) dB")
        }
    }

    /// Fonts are embedded once for the whole deck, so it is far smaller than the one-page PDFs
    /// of its frames put together.
    @Test func deckIsSmallerThanTheSinglePagePDFs() throws {
        let animation = try Animation(history: demo.history, data: demo.data)
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("deck.pdf").path
        let deck = PDFDeckOutput(path: path)
        try animation.render(to: [deck, FrameFilesOutput(directory: dir.appendingPathComponent("pdf").path, format: .pdf)])
        var single = 0
        for i in 0 ..< animation.timeline.frames.count {
            single += try read(dir.appendingPathComponent("pdf/" + FrameFilesOutput.fileName(ofFrame: i, format: .pdf)).path).count
        }
        #expect(deck.bytesWritten < single * 6 / 10, "deck \(deck.bytesWritten) B, single pages \(single) B")
    }
}
