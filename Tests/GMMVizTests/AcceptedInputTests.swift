import Foundation
import Testing
import TestSupport

/// Inputs that are odd but valid are accepted, and the same command gives the same bytes.
@Suite("Odd inputs accepted, outputs deterministic")
struct AcceptedInputTests {
    /// Two blobs of 20 points, written with `line(x, y)`.
    static func points(_ line: (Double, Double) -> String) -> String {
        var rng = 12345 as UInt64
        func next() -> Double { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Double(rng >> 11) / Double(1 << 53) - 0.5 }
        return (0 ..< 40).map { i in line((i < 20 ? 0 : 6) + next(), (i < 20 ? 0 : 4) + next()) }.joined()
    }

    func renders(_ csv: String, _ extra: [String] = [], stdin: Bool = false) throws {
        let dir = TestPaths.temporaryDirectory()
        let data = dir.appendingPathComponent("in.csv")
        try Data(csv.utf8).write(to: data)
        let gif = dir.appendingPathComponent("x.gif").path
        let r = try CommandRunner.run(["render", "--data", stdin ? "-" : data.path, "-k", "2", "--bounds", "auto", "--size", "320x200",
                                       "--max-iter", "5", "--out", gif, "-q"] + extra, stdin: stdin ? csv : nil)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let decoded = try DecodedGIF(Array(try Data(contentsOf: URL(fileURLWithPath: gif))))
        #expect(decoded.frames.count >= 2)
    }

    @Test func byteOrderMarkCRLFAndTrailingSpaces() throws {
        try renders("\u{FEFF}x,y \r\n" + Self.points { "\($0), \($1)  \r\n" } + "\r\n")
        try renders("\u{FEFF}" + Self.points { "\t\($0),\($1)\t\r\n" }, stdin: true)
    }

    @Test func duplicatePointsWithRegCovar() throws {
        // Every point three times, and one point ten times: fine with a regulariser.
        let csv = Self.points { "\($0),\($1)\n\($0),\($1)\n\($0),\($1)\n" } + String(repeating: "1,1\n", count: 10)
        try renders(csv, ["--reg-covar", "1e-3"])
    }

    /// Degenerate data end to end: identical, collinear, K = N render with the regulariser;
    /// without it the error says to increase --reg-covar.
    @Test func degenerateDataRendersOrSaysWhatToChange() throws {
        let same = String(repeating: "1.5,-2\n", count: 12)
        let line = (0 ..< 12).map { "\($0),\(2 * $0 + 1)\n" }.joined()
        let four = "0,0\n5,0\n0,5\n5,5\n"
        for (csv, k) in [(same, "1"), (line, "1"), (four, "4")] {
            let dir = TestPaths.temporaryDirectory()
            let data = dir.appendingPathComponent("in.csv")
            try Data(csv.utf8).write(to: data)
            let gif = dir.appendingPathComponent("x.gif").path
            let ok = try CommandRunner.run(["render", "--data", data.path, "-k", k, "--bounds", "auto", "--size", "320x200", "--out", gif, "-q"])
            #expect(ok.status == 0 && ok.stderr.isEmpty, "\(ok.stderr)")
            let bad = try CommandRunner.run(["render", "--data", data.path, "-k", k, "--reg-covar", "0", "--size", "320x200", "--out", dir.appendingPathComponent("y.gif").path, "-q"])
            expectRejected(bad, ["ill-defined covariance", "increase --reg-covar"])
        }
    }

    /// The same command twice: byte-identical GIF, and PNG, SVG and PDF frames.
    @Test func sameCommandSameBytes() throws {
        let dir = TestPaths.temporaryDirectory()
        for format in ["png", "svg", "pdf"] {
            var runs = [[String: Data]]()
            for run in 0 ..< 2 {
                let out = dir.appendingPathComponent("\(format)-\(run)")
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                let r = try CommandRunner.run(["render", "--steps", "em", "--tween", "1", "--max-iter", "3", "--tol", "0", "--size", "320x200",
                                               "--out", out.appendingPathComponent("a.gif").path, "--frames-dir", out.appendingPathComponent("frames").path,
                                               "--frame-format", format, "-q"])
                #expect(r.status == 0, "\(r.stderr)")
                runs.append(try snapshot(of: out))
            }
            #expect(runs[0].keys.contains("a.gif") && runs[0].keys.contains("frames/frame_0000.\(format)"), "\(runs[0].keys.sorted())")
            #expect(runs[0].count == 1 + 1 + 10, "the GIF, the frames directory and 10 frames")
            #expect(runs[0] == runs[1], "\(format): two runs differ")
        }
    }

    /// Files as pandas (`to_csv`, minimal and `QUOTE_ALL` quoting) and Python's `csv` module
    /// write them, with commas, doubled quotes and a line break inside header names and numbers
    /// in quotes, fit exactly as the same numbers written plainly.
    @Test func quotedCSVFitsAsTheUnquotedFile() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../GMMTests/Fixtures/csv").standardized
        func fit(_ name: String, _ extra: [String] = []) throws -> String {
            let r = try CommandRunner.run(["fit", "--data", fixtures.appendingPathComponent(name).path, "-k", "2", "--max-iter", "3", "--json"] + extra)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(name): \(r.stderr)")
            return r.stdout
        }
        let plain = try fit("unquoted.csv")
        #expect(plain.contains("\"samples\": 25"))
        for name in ["pandas-minimal.csv", "pandas-quote-all.csv", "csv-minimal.csv", "csv-nonnumeric.csv"] {
            #expect(try fit(name) == plain, "\(name)")
        }
        // A quoted text column with a comma inside is left out by number.
        #expect(try fit("csv-quote-all-labels.csv", ["--columns", "1,2,4,5"]) == plain)
    }

    /// `--frames-dir .` replaces the frame set of the directory the command runs in: the new
    /// frames and the history written after them land there, other files stay, the earlier
    /// run's extra frames go.
    @Test func framesIntoTheWorkingDirectory() throws {
        let dir = TestPaths.temporaryDirectory()
        for name in ["notes.txt", "frame_0000.png", "frame_0099.png"] { try Data("old".utf8).write(to: dir.appendingPathComponent(name)) }
        let r = try CommandRunner.run(["render", "--frames-dir", ".", "--out", "none", "--history", "h.json", "--max-iter", "2",
                                       "--size", "320x200", "--quiet"], in: dir)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["frame_0000.png", "frame_0001.png", "frame_0002.png", "h.json", "notes.txt"])
        #expect(try Data(contentsOf: dir.appendingPathComponent("notes.txt")) == Data("old".utf8))
        let png = try Data(contentsOf: dir.appendingPathComponent("frame_0000.png"))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }
}
