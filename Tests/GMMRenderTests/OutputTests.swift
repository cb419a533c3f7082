import Foundation
import GMMImage
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import GMMFiles
@testable import GMMRender

@Suite struct OutputTests {
    let builder: SceneBuilder = {
        do { return try SceneBuilder(history: demoFit.history, data: demoFit.data, options: RenderOptions()) } catch { fatalError("\(error)") }
    }()

    @Test func pngDecodesToTheRasterFrame() throws {
        let renderer = try FrameRenderer()
        let scene = try builder.scene(at: 3)
        let frame = try renderer.renderRaster(scene)
        #expect(frame.width == 1000 && frame.height == 600 && frame.pixels.count == 600_000)
        #expect(frame.pixels.allSatisfy { $0 & 0xFF00_0000 == 0 }, "the top byte is always 0")
        let png = try renderer.render(scene, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: png[12 ..< 16], as: UTF8.self) == "IHDR")
        let decoded = try RGBImage.decodePNG(png)
        #expect(decoded == frame)
    }

    @Test func svgIsWellFormedXMLInPixels() throws {
        let svg = try FrameRenderer().render(try builder.scene(at: 2), format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains("width=\"1000px\"") && text.contains("height=\"600px\""), "document unit px")
        let delegate = RootElement()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = delegate
        #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(delegate.root == "svg")
    }

    @Test func pdfIsACompleteDocumentWithoutADate() throws {
        let pdf = try FrameRenderer().render(try builder.scene(at: 2), format: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let tail = String(decoding: pdf.suffix(8), as: UTF8.self)
        #expect(tail.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF"))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(!text.contains("/CreationDate"), "a creation date makes the PDF differ on every run")
    }

    @Test(arguments: FrameFormat.allCases)
    func sameSceneGivesTheSameBytes(format: FrameFormat) throws {
        let scene = try builder.scene(at: 4)
        var options = RenderOptions()
        options.theme = .dark
        let a = try FrameRenderer(options: options).render(scene, format: format)
        // Another scene in between must not leak state (ids, fonts) into the next document.
        _ = try FrameRenderer().render(try builder.scene(at: 1), format: format)
        let b = try FrameRenderer(options: options).render(scene, format: format)
        // Compare without printing megabytes on failure.
        let firstDifference = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? (a.count == b.count ? nil : a.count)
        #expect(firstDifference == nil, "\(format): \(a.count) vs \(b.count) bytes, first difference at byte \(firstDifference ?? -1)")
        if let d = firstDifference, let dir = ProcessInfo.processInfo.environment["GMMVIZ_RENDER_DEBUG"] {
            try Data(a).write(to: URL(fileURLWithPath: "\(dir)/a.\(format.rawValue)"))
            try Data(b).write(to: URL(fileURLWithPath: "\(dir)/b.\(format.rawValue)"))
            _ = d
        }
    }

    @Test func filesAreWrittenWholeOrNotAtAll() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gmmrender-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let renderer = try FrameRenderer()
        let scene = try builder.scene(at: 0)
        try renderer.writePNG(scene, to: directory.appendingPathComponent("f.png").path)
        try renderer.writeSVG(scene, to: directory.appendingPathComponent("f.svg").path)
        try renderer.writePDF(scene, to: directory.appendingPathComponent("f.pdf").path)
        try renderer.write(scene, format: .png, to: directory.appendingPathComponent("f.png").path)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["f.pdf", "f.png", "f.svg"], "no temporary file is left behind")

        let missing = directory.appendingPathComponent("no/such/dir/f.png").path
        do {
            try renderer.writePNG(scene, to: missing)
            Issue.record("writing into a missing directory should fail")
        } catch let error as FileError {
            #expect(error.path == missing && error.code == ENOENT)
        }
    }

    @Test func errorsSayWhatAndHow() {
        let cairo = RenderError.cairo(call: "cairo_fill", status: "invalid matrix", code: 5)
        #expect(cairo.description.contains("cairo_fill") && cairo.description.contains("invalid matrix"))
        let option = RenderError.invalidOption(.size, value: "0x600", fix: "use at least 32")
        #expect(option.description == "invalid render option size = 0x600: use at least 32")
    }
}

private final class RootElement: NSObject, XMLParserDelegate {
    var root: String?
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
    }
}

@Test func svgSurfaceIdentifiersAreRenumbered() {
    let input = Array(##"<g id="surface283"><use xlink:href="#surface283"/><g id="surface9">surface77"##.utf8)
    let output = String(decoding: SVGIdentifiers.normalize(input), as: UTF8.self)
    #expect(output == ##"<g id="surface1"><use xlink:href="#surface1"/><g id="surface2">surface77"##)
}
