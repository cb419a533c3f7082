import Foundation
import Testing
import TestSupport

/// `gmmviz render --view …`, `--density` and `--regions`, run as a user runs them.
@Suite("render views")
struct ViewCommandTests {
    static let iris = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets/data/iris.csv").path

    /// 60 values around −4 and 40 around +3, one column with a header.
    static func oneColumnCSV(in dir: URL) throws -> String {
        var lines = ["value"]
        for i in 0 ..< 100 {
            let u = (Double(i) * 0.618_033_988_749_894_9).truncatingRemainder(dividingBy: 1)
            lines.append(i < 60 ? "\(-4 + 2 * (u - 0.5))" : "\(3 + 1.5 * (u - 0.5))")
        }
        let url = dir.appendingPathComponent("one.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    @Test func oneColumnDataRendersAGIFAndFramesAndKeepsItsFit() throws {
        let dir = TestPaths.temporaryDirectory()
        let csv = try Self.oneColumnCSV(in: dir)
        let r = try CommandRunner.run(["render", "--data", csv, "-k", "2", "--size", "320x200", "--out", "one.gif",
                                       "--frames-dir", "frames", "--history", "render.json", "-q"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let gif = try DecodedGIF(Array(try Data(contentsOf: dir.appendingPathComponent("one.gif"))))
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("frames").path)
        #expect(gif.frames.count >= 2)
        #expect(frames.count >= 2)
        // Drawing changes nothing in the fit: render's history is fit's, byte for byte.
        let f = try CommandRunner.run(["fit", "--data", csv, "-k", "2", "--history", "fit.json"], in: dir)
        #expect(f.status == 0, "\(f.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("render.json")) == Data(contentsOf: dir.appendingPathComponent("fit.json")))
    }

    /// The line and pairs views read the marginals of every covariance type.
    @Test(arguments: ["full", "tied", "diag", "spherical"])
    func everyCovarianceTypeRendersInTheLineAndPairsViews(_ type: String) throws {
        let dir = TestPaths.temporaryDirectory()
        let csv = try Self.oneColumnCSV(in: dir)
        for view in [["--data", csv, "-k", "2"], ["--data", Self.iris, "-k", "3", "--view", "pairs"]] {
            let r = try CommandRunner.run(["render", "--covariance-type", type, "--max-iter", "3", "--size", "240x180",
                                           "--out", "none", "--frames-dir", "f", "-q"] + view, in: dir)
            #expect(r.status == 0, "\(type) \(view): \(r.stderr)")
        }
    }

    @Test func selectRendersTheBestFitOfOneColumn() throws {
        let dir = TestPaths.temporaryDirectory()
        let csv = try Self.oneColumnCSV(in: dir)
        let r = try CommandRunner.run(["select", "--data", csv, "--k", "1...2", "--render-best", "--out", "best.gif", "-q"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let gif = try DecodedGIF(Array(try Data(contentsOf: dir.appendingPathComponent("best.gif"))))
        #expect(gif.frames.count >= 2)
    }

    /// Every view, with E/M steps and tweens, as SVG, PDF and GIF: the same bytes on two runs.
    @Test(arguments: [
        ["--view", "1d"],
        ["--view", "1d:2", "--data", iris, "--columns", "1,2,3"],
        ["--view", "pairs", "--data", iris, "-k", "3"],
        ["--view", "pca", "--data", iris, "-k", "3", "--density", "contours", "--regions"],
        ["--density", "shade", "--regions"],
    ])
    func everyViewIsDeterministicInEveryFormat(_ view: [String]) throws {
        let dir = TestPaths.temporaryDirectory()
        let base = ["render", "--steps", "em", "--tween", "1", "--max-iter", "2", "--size", "240x180", "-q", "--seed", "1"] + view
        for format in ["svg", "pdf"] {
            var outputs = [[String: Data]]()
            for run in 0 ..< 2 {
                let r = try CommandRunner.run(base + ["--out", "\(format)\(run).gif", "--frames-dir", "\(format)\(run)", "--frame-format", format], in: dir)
                #expect(r.status == 0, "\(view) \(format): \(r.stderr)")
                var files = try snapshot(of: dir.appendingPathComponent("\(format)\(run)"))
                files["gif"] = try Data(contentsOf: dir.appendingPathComponent("\(format)\(run).gif"))
                outputs.append(files)
            }
            // --steps em: an initial frame, then E, tween, M for each of the two iterations.
            #expect(outputs[0].count - 1 == 7, "\(view): \(outputs[0].keys.sorted())")
            #expect(outputs[0] == outputs[1], "\(view) \(format)")
        }
    }

    @Test func irisPairsRender() throws {
        let dir = TestPaths.temporaryDirectory()
        let r = try CommandRunner.run(["render", "--data", Self.iris, "-k", "3", "--view", "pairs", "--size", "400x300",
                                       "--max-iter", "3", "--out", "pairs.gif", "-q"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("pairs.gif").path))
    }
}
