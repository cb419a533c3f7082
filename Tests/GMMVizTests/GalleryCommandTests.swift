import Foundation
import GMMRender
import Testing
import TestSupport

/// `gmmviz select --gallery`, run as a user runs it: the picture is read back (pixels of the
/// PNG, text of the PDF) and compared with the numbers `select --json` prints.
@Suite("select --gallery")
struct GalleryCommandTests {
    static let faithful = TestPaths.packageRoot.appendingPathComponent("assets/data/faithful.csv").path
    static let iris = TestPaths.packageRoot.appendingPathComponent("assets/data/iris.csv").path
    /// The light theme's text colour, which draws the chosen panel's frame.
    static let frameColor = Theme.light.colors.text
    static let palette = RenderPalette(theme: .light).colors(forComponents: 8)

    struct Selection {
        let best: Int
        /// BIC of every fit, by K (one covariance type).
        let bic: [Int: Double]
    }

    /// Runs `select` with `arguments` and `--json`, and reads the choice and the BICs.
    static func select(_ arguments: [String], in dir: URL) throws -> Selection {
        let r = try CommandRunner.run(["select", "--json"] + arguments, in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let best = try #require((object["best"] as? [String: Any])?["components"] as? Int)
        var bic = [Int: Double]()
        for fit in object["fits"] as? [[String: Any]] ?? [] {
            // A panel draws the fit of lowest BIC at its K, over every model fitted.
            if let k = fit["components"] as? Int, let b = fit["bic"] as? Double { bic[k] = min(b, bic[k] ?? .infinity) }
        }
        return Selection(best: best, bic: bic)
    }

    /// The chosen panel's frame in a PNG: the rows whose run of the frame colour is nearly
    /// as long as the longest (its top and bottom edges; text and the K tab make short runs),
    /// as the rectangle they span; nil when no run is a panel's width.
    static func markedFrame(_ image: (width: Int, height: Int, pixels: [UInt32])) -> (x0: Int, x1: Int, y0: Int, y1: Int)? {
        var runs = [(y: Int, start: Int, length: Int)]()
        for y in 0 ..< image.height {
            var best = (start: 0, length: 0), start = 0, length = 0
            for x in 0 ..< image.width {
                if image.pixels[y * image.width + x] == frameColor {
                    if length == 0 { start = x }
                    length += 1
                    if length > best.length { best = (start, length) }
                } else {
                    length = 0
                }
            }
            runs.append((y, best.start, best.length))
        }
        let longest = runs.map(\.length).max() ?? 0
        guard longest >= 60 else { return nil }
        let edges = runs.filter { Double($0.length) >= 0.9 * Double(longest) }
        guard let first = edges.first, let last = edges.last else { return nil }
        return (first.start, first.start + first.length - 1, first.y, last.y)
    }

    /// The component colours present exactly inside `rect`, as palette indices: a mean marker's
    /// disc is its component's colour exactly, and blends of other colours never are.
    static func componentColors(in image: (width: Int, height: Int, pixels: [UInt32]), _ rect: (x0: Int, x1: Int, y0: Int, y1: Int)) -> Set<Int> {
        var found = Set<Int>()
        for y in rect.y0 ... rect.y1 {
            for x in rect.x0 ... rect.x1 {
                if let k = palette.firstIndex(of: image.pixels[y * image.width + x]) { found.insert(k) }
            }
        }
        return found
    }

    static func png(_ url: URL) throws -> (width: Int, height: Int, pixels: [UInt32]) {
        try PNGDecoding.decode(Array(try Data(contentsOf: url)))
    }

    /// Checks that `url`'s PNG has one marked panel and that it draws `components` components.
    static func expectMarked(_ url: URL, components: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let image = try png(url)
        let frame = try #require(markedFrame(image), "no panel is marked", sourceLocation: sourceLocation)
        #expect(frame.x1 - frame.x0 > 60 && frame.y1 - frame.y0 > 40, "\(frame)", sourceLocation: sourceLocation)
        #expect(componentColors(in: image, frame) == Set(0 ..< components), "\(frame)", sourceLocation: sourceLocation)
    }

    /// On Old Faithful the marked panel is the chosen K's (it draws as many components), and
    /// the chosen K is the one `select --json` reports.
    @Test func theChosenPanelIsMarkedOnOldFaithful() throws {
        let dir = TestPaths.temporaryDirectory()
        let chosen = try Self.select(["--data", Self.faithful, "--k", "1...5", "--gallery", "g.png"], in: dir)
        // mclust's choice on Old Faithful: EEE (tied) with K = 3.
        #expect(chosen.best == 3)
        try Self.expectMarked(dir.appendingPathComponent("g.png"), components: chosen.best)
    }

    /// One column is drawn as line views and four as the PCA plane; either way the marked
    /// panel is the chosen K's.
    @Test func oneColumnAndFourColumnsMarkTheChosenPanel() throws {
        let dir = TestPaths.temporaryDirectory()
        let rows = try String(contentsOfFile: Self.faithful, encoding: .utf8).split(separator: "\n")
        let column = rows.map { $0.split(separator: ",")[0] }.joined(separator: "\n") + "\n"
        try column.write(to: dir.appendingPathComponent("eruptions.csv"), atomically: true, encoding: .utf8)
        let line = try Self.select(["--data", "eruptions.csv", "--k", "1...4", "--gallery", "line.png"], in: dir)
        try Self.expectMarked(dir.appendingPathComponent("line.png"), components: line.best)
        let pca = try Self.select(["--data", Self.iris, "--k", "1...4", "--view", "pca", "--gallery", "pca.png"], in: dir)
        try Self.expectMarked(dir.appendingPathComponent("pca.png"), components: pca.best)
    }

    /// The deck has a page per K; its last page names every K's BIC as `select --json` gives
    /// it (two decimals) and the chosen K. Its pages are the frames of a directory, the last
    /// of which is the one-picture PNG, and only the last page marks a panel.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"), "needs poppler-utils' pdftotext"))
    func deckAndFramesAddOneKPerPage() throws {
        let dir = TestPaths.temporaryDirectory()
        let chosen = try Self.select(["--data", Self.faithful, "--k", "1...4", "--gallery", "deck.pdf"], in: dir)
        let pdf = try Data(contentsOf: dir.appendingPathComponent("deck.pdf"))
        let raw = String(decoding: pdf, as: UTF8.self)
        let pages = raw.components(separatedBy: "/Type /Page").count - raw.components(separatedBy: "/Type /Pages").count
        #expect(pages == 4)
        let text = try Self.pdfText(dir.appendingPathComponent("deck.pdf"), page: 4)
        for (k, bic) in chosen.bic {
            #expect(text.contains("K=\(k)"), "\(text)")
            #expect(text.contains("BIC" + String(format: "%.2f", bic)), "K = \(k): \(text)")
        }
        #expect(text.contains("lowestBIC:K=\(chosen.best),"), "\(text)")
        // The first page shows K = 1's BIC and not yet the others'.
        let first = try Self.pdfText(dir.appendingPathComponent("deck.pdf"), page: 1)
        #expect(first.contains("BIC" + String(format: "%.2f", chosen.bic[1] ?? .nan)))
        #expect(!first.contains("BIC" + String(format: "%.2f", chosen.bic[2] ?? .nan)))

        _ = try Self.select(["--data", Self.faithful, "--k", "1...4", "--gallery", "frames/"], in: dir)
        _ = try Self.select(["--data", Self.faithful, "--k", "1...4", "--gallery", "whole.png"], in: dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("frames").path).sorted()
        #expect(names == ["frame_0000.png", "frame_0001.png", "frame_0002.png", "frame_0003.png"])
        let last = try Data(contentsOf: dir.appendingPathComponent("frames/frame_0003.png"))
        #expect(last == (try Data(contentsOf: dir.appendingPathComponent("whole.png"))))
        for name in names.dropLast() {
            #expect(Self.markedFrame(try Self.png(dir.appendingPathComponent("frames/" + name))) == nil, "\(name)")
        }
    }

    /// The text of `page` of a PDF, without whitespace (pdftotext spaces glyphs by position).
    static func pdfText(_ url: URL, page: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-f", "\(page)", "-l", "\(page)", url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).filter { !$0.isWhitespace }
    }

    /// Bad destinations and options are refused in one line before anything is written, and a
    /// gallery too small to draw leaves neither it nor the chart behind.
    @Test func badInputIsRefusedWithoutFiles() throws {
        let dir = TestPaths.temporaryDirectory()
        let data = ["--data", Self.faithful, "--k", "1...3"]
        expectRejected(try CommandRunner.run(["select", "--gallery", "g.jpg"] + data, in: dir), ["--gallery", "unknown format \".jpg\"", ".png", ".pdf"])
        expectRejected(try CommandRunner.run(["select", "--gallery", "gallery"] + data, in: dir), ["--gallery", "(none)", "/"])
        expectRejected(try CommandRunner.run(["select", "--view", "pca"] + data, in: dir), ["--view", "--gallery"])
        expectRejected(try CommandRunner.run(["select", "--preset", "slides"] + data, in: dir), ["--preset", "--gallery"])
        expectRejected(try CommandRunner.run(["select", "--view", "pairs", "--gallery", "g.png"] + data, in: dir), ["--view pairs", "2d"])
        expectRejected(try CommandRunner.run(["select", "--view", "1d:3", "--gallery", "g.png"] + data, in: dir), ["1d:3", "2 columns"])
        expectRejected(try CommandRunner.run(["select", "--gallery", "/nonexistent-dir/g.png"] + data, in: dir), ["/nonexistent-dir", "does not exist"])
        expectRejected(try CommandRunner.run(["select", "--gallery", "/nonexistent-dir/frames/"] + data, in: dir), ["/nonexistent-dir"])
        let small = try CommandRunner.run(["select", "--gallery", "g.png", "--chart", "c.png", "--size", "400x300", "--text-scale", "4"] + data, in: dir)
        expectRejected(small, ["--size 400x300", "too small", "BIC chart"])
        #expect(try snapshot(of: dir).isEmpty)
    }
}
