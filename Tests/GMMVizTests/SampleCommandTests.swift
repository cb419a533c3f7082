import Foundation
import Testing
import TestSupport

/// `gmmviz render --sample`, run as a user runs it: a saved fit drawn over a seeded uniform
/// sample of the data, a fit made on every row however many are drawn, and the options a sample
/// cannot serve refused in one line.
@Suite("render --sample")
struct SampleCommandTests {
    /// 60 rows in two blobs, and a 3-iteration fit of them saved as a history.
    static func prepare() throws -> (dir: URL, data: String) {
        let dir = TestPaths.temporaryDirectory()
        let rows = (0 ..< 60).map { i -> String in
            let t = Double(i) * 2.399963, r = 0.2 + 0.8 * Double(i % 7) / 7
            return i < 30 ? "\(r * cos(t)),\(r * sin(t))" : "\(6 + r * cos(t)),\(3 + r * sin(t))"
        }
        let data = dir.appendingPathComponent("in.csv").path
        try Data(("x,y\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: data))
        let fit = try CommandRunner.run(["fit", "--data", data, "-k", "2", "--max-iter", "3", "--history", "h.json"], in: dir)
        #expect(fit.status == 0, "\(fit.stderr)")
        return (dir, data)
    }

    static func frames(_ dir: URL, _ name: String) throws -> [Data] {
        let folder = dir.appendingPathComponent(name)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    static func render(_ extra: [String], into name: String, in dir: URL, data: String) throws {
        let r = try CommandRunner.run(["render", "--history-in", "h.json", "--data", data, "--bounds", "auto",
                                       "--out", "none", "--frames-dir", name, "-q"] + extra, in: dir)
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func aSavedFitIsDrawnOverASeededSample() throws {
        let (dir, data) = try Self.prepare()
        try Self.render([], into: "all", in: dir, data: data)
        try Self.render(["--sample", "20", "--seed", "4"], into: "a", in: dir, data: data)
        try Self.render(["--sample", "20", "--seed", "4"], into: "b", in: dir, data: data)
        try Self.render(["--sample", "20", "--seed", "5"], into: "c", in: dir, data: data)
        // A sample as large as the data is the data: no sample to announce, the same frames.
        try Self.render(["--sample", "60"], into: "whole", in: dir, data: data)
        let all = try Self.frames(dir, "all"), a = try Self.frames(dir, "a")
        #expect(all.count >= 2 && a.count == all.count)
        #expect(a == (try Self.frames(dir, "b")))
        #expect(a != (try Self.frames(dir, "c")))
        #expect(a[0] != all[0])
        #expect(try Self.frames(dir, "whole") == all)
    }

    /// Without --history-in the fit uses every row: the history written is the one written
    /// without --sample, byte for byte.
    @Test func aFitUsesEveryRowWhateverTheSample() throws {
        let (dir, data) = try Self.prepare()
        let common = ["render", "--data", data, "-k", "2", "--max-iter", "5", "--out", "none", "-q"]
        let sampled = try CommandRunner.run(common + ["--sample", "15", "--frames-dir", "s", "--history", "s.json"], in: dir)
        #expect(sampled.status == 0, "\(sampled.stderr)")
        let plain = try CommandRunner.run(common + ["--frames-dir", "p", "--history", "p.json"], in: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        let s = try Data(contentsOf: dir.appendingPathComponent("s.json")), p = try Data(contentsOf: dir.appendingPathComponent("p.json"))
        #expect(s == p)
        #expect(String(decoding: s, as: UTF8.self).contains("\"samples\": 60"))
    }

    @Test func optionsASampleCannotServeAreRefused() throws {
        let (dir, data) = try Self.prepare()
        let base = ["render", "--data", data, "--out", "none", "--frames-dir", "x"]
        for (extra, words) in [(["--sample", "0"], "--sample takes a number of rows of 1 or more"),
                               (["--sample", "10", "--pin", "3"], "drop --pin or --sample"),
                               (["--sample", "10", "--compare", "kmeans"], "drop --sample"),
                               (["--sample", "10", "--starts", "3", "--init", "random"], "drop --sample")] {
            let r = try CommandRunner.run(base + extra, in: dir)
            #expect(r.status != 0)
            #expect(r.stderr.contains(words), "\(extra): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
        }
    }
}
