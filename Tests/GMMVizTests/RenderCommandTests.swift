import Foundation
import GMM
import GMMRender
import Testing
import TestSupport

/// `gmmviz render`, run as a user runs it, its GIF decoded with giflib.
@Suite("render command")
struct RenderCommandTests {
    /// PSNR in dB between two 0x00RRGGBB images of the same size.
    static func psnr(_ a: [UInt32], _ b: [UInt32]) -> Double {
        var se = 0.0
        for (p, q) in zip(a, b) {
            for shift in [16, 8, 0] {
                let d = Double(Int((p >> UInt32(shift)) & 0xFF) - Int((q >> UInt32(shift)) & 0xFF))
                se += d * d
            }
        }
        let mse = se / Double(3 * a.count)
        return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }

    /// The demo fit and the raster of snapshot `i`, rendered in-process with default options.
    static func demoRaster(_ history: FitHistory, snapshot i: Int) throws -> [UInt32] {
        let builder = try SceneBuilder(history: history, data: try Demo.data(), options: RenderOptions())
        return try FrameRenderer(options: RenderOptions()).renderRaster(try builder.scene(at: i)).pixels
    }

    /// The GIF plays the whole fit from iteration 0 and loops; its first frame is
    /// the initial model, not a blank canvas; the PNG frames are written beside it.
    @Test func demoGIFPlaysTheWholeFitFromTheInitialModel() throws {
        let dir = TestPaths.temporaryDirectory()
        let r = try CommandRunner.run(["render", "--frames-dir", "output/frames"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let gifURL = dir.appendingPathComponent("output/comb.gif")
        let gif = try DecodedGIF(Array(try Data(contentsOf: gifURL)))
        let history = try GaussianMixture(components: 3).fit(try Demo.data(), initialization: .means(Demo.initialMeans)).history

        #expect(gif.version == "GIF89a")
        #expect(gif.loopCount == 0)
        #expect(gif.width == 1000 && gif.height == 600)
        #expect(gif.frames.count == history.iterations + 1)
        #expect(gif.delays.first == 100 && gif.delays.last == 200)

        let first = try Self.demoRaster(history, snapshot: 0)
        let last = try Self.demoRaster(history, snapshot: history.iterations)
        #expect(Self.psnr(gif.frames[0], first) >= 40)
        #expect(Self.psnr(gif.frames[gif.frames.count - 1], last) >= 40)
        // Not a blank canvas: many colours, and far from a white frame.
        #expect(Set(gif.frames[0]).count > 20)
        #expect(Self.psnr(gif.frames[0], [UInt32](repeating: 0xFFFFFF, count: first.count)) < 25)

        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("output/frames").path).sorted()
        #expect(frames == (0 ... history.iterations).map { String(format: "frame_%04d.png", $0) })
    }

    /// The notebook's GIF stops at frame 20; a 100-iteration fit gives 101 frames here.
    @Test func longFitsAreNotTruncated() throws {
        let dir = TestPaths.temporaryDirectory()
        let gif = dir.appendingPathComponent("long.gif").path
        let r = try CommandRunner.run(["render", "--tol", "0", "--max-iter", "100", "--timing", "constant", "--out", gif, "--size", "320x200", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let decoded = try DecodedGIF(Array(try Data(contentsOf: URL(fileURLWithPath: gif))))
        // Identical consecutive frames merge into one longer frame, so count the displayed time.
        let total = decoded.delays.reduce(0, +)
        let expected = 100 + 99 * 50 + 200
        #expect(total == expected)
        #expect(decoded.frames.count > 20)
    }

    /// One thread or several, the same bytes: frames are rendered in parallel but encoded in order.
    @Test func parallelAndSerialRenderingGiveIdenticalBytes() throws {
        let dir = TestPaths.temporaryDirectory()
        var outputs = [Data]()
        for threads in ["1", "2", "3"] {
            let gif = dir.appendingPathComponent("t\(threads).gif").path
            let frames = dir.appendingPathComponent("f\(threads)").path
            let r = try CommandRunner.run(["render", "--steps", "em", "--tween", "1", "--size", "300x200", "--threads", threads,
                                           "--out", gif, "--frames-dir", frames, "--frame-format", "svg", "-q"])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: gif)))
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: frames + "/frame_0007.svg")))
        }
        let gifs = [outputs[0], outputs[2], outputs[4]], svgs = [outputs[1], outputs[3], outputs[5]]
        #expect(gifs[0] == gifs[1] && gifs[0] == gifs[2])
        #expect(svgs[0] == svgs[1] && svgs[0] == svgs[2])
    }

    /// Rendering a saved history gives the bytes of a direct render: the history's numbers
    /// round-trip exactly.
    @Test func historyInReproducesTheDirectRender() throws {
        let dir = TestPaths.temporaryDirectory()
        let history = dir.appendingPathComponent("h.json").path
        let direct = dir.appendingPathComponent("direct.gif").path
        let again = dir.appendingPathComponent("again.gif").path
        let csv = dir.appendingPathComponent("d.csv").path
        #expect(try CommandRunner.run(["generate", "--means", "0,0;5,5", "--count", "80", "--out", csv]).status == 0)
        let fit = try CommandRunner.run(["fit", "--data", csv, "-k", "2", "--history", history])
        #expect(fit.status == 0, "\(fit.stderr)")
        let a = try CommandRunner.run(["render", "--data", csv, "-k", "2", "--out", direct, "--bounds", "auto", "--theme", "dark", "-q"])
        let b = try CommandRunner.run(["render", "--history-in", history, "--data", csv, "--out", again, "--bounds", "auto", "--theme", "dark", "-q"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        let directBytes = try Data(contentsOf: URL(fileURLWithPath: direct))
        let againBytes = try Data(contentsOf: URL(fileURLWithPath: again))
        #expect(directBytes == againBytes)
    }

    /// A CSV far from the demo's ±10 canvas is drawn in a window that fits it by default; a
    /// window given with --bounds that misses the data gets a hint, not a silent empty plot.
    @Test func dataFromAFileIsInViewByDefault() throws {
        let dir = TestPaths.temporaryDirectory()
        let csv = dir.appendingPathComponent("far.csv").path
        #expect(try CommandRunner.run(["generate", "--means", "100,100;120,90", "--count", "30", "--out", csv]).status == 0)
        let gif = dir.appendingPathComponent("far.gif").path
        let fixed = try CommandRunner.run(["render", "--data", csv, "-k", "2", "--size", "320x200", "--bounds", "-10,10,-10,10", "--out", gif])
        #expect(fixed.status == 0 && fixed.stderr.contains("60 of 60 points lie outside") && fixed.stderr.contains("--bounds auto"))
        let byDefault = try CommandRunner.run(["render", "--data", csv, "-k", "2", "--size", "320x200", "--out", gif])
        #expect(byDefault.status == 0 && !byDefault.stderr.contains("outside"), "\(byDefault.stderr)")
        // The same window as --bounds auto: the same bytes.
        let autoGIF = dir.appendingPathComponent("auto.gif").path
        let auto = try CommandRunner.run(["render", "--data", csv, "-k", "2", "--size", "320x200", "--bounds", "auto", "--out", autoGIF])
        #expect(auto.status == 0 && !auto.stderr.contains("outside"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: gif)) == Data(contentsOf: URL(fileURLWithPath: autoGIF)))
    }

    @Test func framesInEveryFormatAndStaleFramesRemoved() throws {
        let dir = TestPaths.temporaryDirectory()
        let frames = dir.appendingPathComponent("frames")
        try FileManager.default.createDirectory(at: frames, withIntermediateDirectories: true)
        // Left over from a longer earlier run: must not survive into the new sequence.
        try Data("old".utf8).write(to: frames.appendingPathComponent("frame_0999.pdf"))
        try Data("keep".utf8).write(to: frames.appendingPathComponent("notes.txt"))
        let r = try CommandRunner.run(["render", "--max-iter", "3", "--tol", "0", "--out", "none", "--frames-dir", frames.path,
                                       "--frame-format", "pdf", "--size", "320x200", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: frames.path).sorted()
        #expect(names == ["frame_0000.pdf", "frame_0001.pdf", "frame_0002.pdf", "frame_0003.pdf", "notes.txt"])
        let pdf = try Data(contentsOf: frames.appendingPathComponent("frame_0000.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
    }

    typealias Bad = RejectedArguments

    static let bad: [Bad] = [
        Bad(arguments: ["--size", "0x600"], fragments: ["size", "at least 32"]),
        Bad(arguments: ["--size", "100000x100000"], fragments: ["size", "16384"]),
        Bad(arguments: ["--size", "big"], fragments: ["'big'", "--size", "WIDTHxHEIGHT"]),
        Bad(arguments: ["--bounds", "5,-5,0,1"], fragments: ["bounds", "xmin < xmax"]),
        Bad(arguments: ["--bounds", "1,2,3"], fragments: ["--bounds", "xmin,xmax,ymin,ymax"]),
        Bad(arguments: ["--delay", "-1"], fragments: ["--delay", "-1"]),
        Bad(arguments: ["--fps", "0"], fragments: ["--fps"]),
        Bad(arguments: ["--sigmas", "0"], fragments: ["sigmas", "greater than 0"]),
        Bad(arguments: ["--theme", "neon"], fragments: ["neon"]),
        Bad(arguments: ["--axes", "1,3"], fragments: ["axes"]),
        Bad(arguments: ["--tween", "-2"], fragments: ["--tween"]),
        Bad(arguments: ["--max-frames", "1"], fragments: ["--max-frames", "at least 2"]),
        Bad(arguments: ["--frame-format", "gif", "--frames-dir", "x"], fragments: ["gif"]),
        Bad(arguments: ["--out", "none"], fragments: ["--out none", "--frames-dir"]),
        Bad(arguments: ["--history-in", "/nonexistent/h.json"], fragments: ["/nonexistent/h.json"]),
        Bad(arguments: ["--history-in", "SELF", "-k", "3"], fragments: ["--history-in", "drop -k"]),
        Bad(arguments: ["--frames-dir", "/nonexistent-parent/frames"], fragments: ["/nonexistent-parent", "does not exist"]),
    ]

    /// Bad options: one line, non-zero exit, and the GIF that was there before is untouched.
    @Test(arguments: bad)
    func renderRejects(_ c: Bad) throws {
        let dir = TestPaths.temporaryDirectory()
        let gif = dir.appendingPathComponent("keep.gif")
        try Data("good".utf8).write(to: gif)
        let bogus = dir.appendingPathComponent("bogus.json")
        try Data("{\"format\": 1}".utf8).write(to: bogus)
        let args = c.arguments.map { $0 == "SELF" ? bogus.path : $0 }
        expectRejected(try CommandRunner.run(["render", "--out", gif.path] + args, in: dir), c.fragments)
        #expect(try String(contentsOf: gif, encoding: .utf8) == "good")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func malformedHistoryInIsOneLine() throws {
        let dir = TestPaths.temporaryDirectory()
        let bad = dir.appendingPathComponent("h.json")
        try Data("{\"format\": \"gmmviz.history\", \"version\": 9}".utf8).write(to: bad)
        expectRejected(try CommandRunner.run(["render", "--history-in", bad.path, "--out", dir.appendingPathComponent("x.gif").path]), ["h.json", "docs/history-schema.md"])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.gif").path))
    }
}
