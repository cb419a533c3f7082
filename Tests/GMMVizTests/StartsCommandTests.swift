import Foundation
import Testing
import TestSupport

/// `gmmviz render --starts R`, run as a user runs it: R seeded runs side by side.
@Suite("render --starts")
struct StartsCommandTests {
    static let blobs = TestPaths.packageRoot.appendingPathComponent("assets/data/four-blobs.csv").path
    static let model = ["--data", blobs, "-k", "4", "--init", "random-from-data"]

    /// Four runs render as frames and a GIF of as many frames, and the run drawn as the best
    /// (written by --history) is the run `fit --n-init 4` keeps: the same final log-likelihood
    /// and the same number of iterations.
    @Test func bestRunIsTheOneFitKeeps() throws {
        let dir = TestPaths.temporaryDirectory()
        let r = try CommandRunner.run(["render", "--starts", "4", "--size", "480x300", "--out", "starts.gif",
                                       "--frames-dir", "frames", "--history", "best.json", "-q"] + Self.model, in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("frames").path)
            .filter { $0.hasSuffix(".png") }
        let gif = try DecodedGIF(Array(try Data(contentsOf: dir.appendingPathComponent("starts.gif"))))
        #expect(names.count >= 2)
        #expect(gif.frames.count == names.count)

        let fit = try CommandRunner.run(["fit", "--n-init", "4", "--json"] + Self.model, in: dir)
        #expect(fit.status == 0, "\(fit.stderr)")
        let kept = try JSONSerialization.jsonObject(with: Data(fit.stdout.utf8)) as? [String: Any]
        let best = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("best.json"))) as? [String: Any]
        let snapshots = best?["snapshots"] as? [[String: Any]] ?? []
        let keptLogLikelihood = try #require(kept?["log_likelihood"] as? Double)
        let bestLogLikelihood = try #require(snapshots.last?["log_likelihood"] as? Double)
        #expect(bestLogLikelihood == keptLogLikelihood)
        #expect(snapshots.count - 1 == kept?["iterations"] as? Int)
        // The timeline runs until the longest run stops, at least as long as the best one.
        #expect(names.count >= snapshots.count)
    }

    /// R outside 2…9, and options that do not go with a grid of runs, are refused in one line
    /// before anything is written.
    @Test func badValuesAreRefused() throws {
        let dir = TestPaths.temporaryDirectory()
        for bad in ["0", "10", "1"] {
            expectRejected(try CommandRunner.run(["render", "--starts", bad, "--out", "x.gif"] + Self.model, in: dir),
                           ["--starts takes 2 to 9 runs, not \(bad)"])
        }
        expectRejected(try CommandRunner.run(["render", "--starts", "4", "--out", "x.gif"], in: dir),
                       ["--starts needs a start drawn from the seed", "--init random"])
        expectRejected(try CommandRunner.run(["render", "--starts", "4", "--steps", "em", "--out", "x.gif"] + Self.model, in: dir),
                       ["--starts", "--steps em"])
        expectRejected(try CommandRunner.run(["render", "--starts", "4", "--n-init", "3", "--out", "x.gif"] + Self.model, in: dir),
                       ["--n-init"])
        expectRejected(try CommandRunner.run(["render", "--starts", "4", "--compare", "kmeans", "--out", "x.gif"] + Self.model, in: dir),
                       ["--compare"])
        #expect(try snapshot(of: dir).isEmpty)
    }
}
