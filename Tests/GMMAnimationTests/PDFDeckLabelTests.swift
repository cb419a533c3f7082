import Foundation
import GMM
import GMMAnimation
import GMMRender
import Testing
import TestSupport

/// The page labels of a PDF, read from its `/PageLabels` number tree: page index → label.
/// Each entry's prefix `/P` is a literal string, or UTF-16BE in hex after a byte-order mark
/// when it is not ASCII; a label that ends in a number is written, as Cairo does, as the
/// prefix and a decimal page number `/S /D /St n`.
func pageLabels(_ pdf: [UInt8]) -> [Int: String] {
    let text = String(decoding: pdf, as: UTF8.self)
    guard let tree = text.range(of: "/Nums ["),
          let entry = try? NSRegularExpression(pattern: #"(\d+)\s*<<([^>]*(?:<[0-9A-Fa-f]*>[^>]*)*)>>"#),
          let prefix = try? NSRegularExpression(pattern: #"/P\s*(?:<([0-9A-Fa-f]*)>|\(([^)]*)\))"#),
          let start = try? NSRegularExpression(pattern: #"/S\s*/D(?:\s*/St\s*(\d+))?"#) else { return [:] }
    let body = String(text[tree.upperBound...].prefix { $0 != "]" })
    func groups(_ match: NSTextCheckingResult, in string: String) -> [String?] {
        (0 ..< match.numberOfRanges).map { Range(match.range(at: $0), in: string).map { String(string[$0]) } }
    }
    var labels = [Int: String]()
    for match in entry.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
        let g = groups(match, in: body)
        guard let page = g[1].flatMap({ Int($0) }), let dictionary = g[2] else { continue }
        let whole = NSRange(dictionary.startIndex..., in: dictionary)
        var label = ""
        if let p = prefix.firstMatch(in: dictionary, range: whole).map({ groups($0, in: dictionary) }) {
            if let hex = p[1] {
                let digits = Array(hex.utf8)
                let bytes = stride(from: 0, to: digits.count - 1, by: 2).compactMap {
                    UInt8(String(decoding: digits[$0 ... $0 + 1], as: UTF8.self), radix: 16)
                }
                // A byte-order mark FE FF, then UTF-16BE code units.
                let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
                label = String(decoding: units, as: UTF16.self)
            } else {
                label = p[2] ?? ""
            }
        }
        if let d = start.firstMatch(in: dictionary, range: whole).map({ groups($0, in: dictionary) }) {
            label += d[1] ?? "1"
        }
        labels[page] = label
    }
    return labels
}

@Suite("PDF deck labels")
struct PDFDeckLabelTests {
    /// Each page is labelled with the words its header draws: the label read back from the
    /// PDF's page-label tree is the timeline's, follows the one numbering ("iteration i of n ·
    /// E-step" for iteration i's E-step), and is the text `pdftotext` reads on the page.
    @Test func pageLabelsAreTheHeadersWords() throws {
        let animation = try Animation(history: demo.history, data: demo.data,
                                      timeline: Timeline.Options(steps: .em, tween: 1, maxFrames: 16))
        let path = TestPaths.temporaryDirectory().appendingPathComponent("deck.pdf").path
        try animation.render(to: [PDFDeckOutput(path: path)], workers: try Workers(count: 2))
        let labels = pageLabels(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let timeline = animation.timeline
        let n = demo.history.iterations
        #expect(labels.count == timeline.frames.count)
        for (page, frame) in timeline.frames.enumerated() {
            let label = labels[page] ?? ""
            #expect(label == timeline.label(frame.content), "page \(page + 1)")
            switch frame.content {
            case .initial: #expect(label == "iteration 0 of \(n) · initial model")
            case let .eStep(i): #expect(label == "iteration \(i) of \(n) · E-step")
            case let .mStep(i): #expect(label == "iteration \(i) of \(n) · M-step")
            case let .tween(a, b, _): #expect(label == "iteration \(a) → \(b) of \(n)")
            case let .snapshot(i): #expect(label.hasPrefix("iteration \(i) of \(n)"))
            }
            let drawn = try CommandRunner.run(["-layout", "-f", "\(page + 1)", "-l", "\(page + 1)", path, "-"],
                                              executable: "/usr/bin/pdftotext")
            #expect(drawn.status == 0, "\(drawn.stderr)")
            #expect(drawn.stdout.contains(label), "page \(page + 1) draws: \(drawn.stdout.prefix(200))")
        }
    }
}
