import Foundation
import Testing
import TestSupport

/// A random start that ends with a component on about one point: the frame says so.
@Suite("render: starved component")
struct StarvedCommandTests {
    /// Six components on the four blobs from random data points, seed 6: one component ends
    /// on about one point, a needle across empty space, yet the fit converges.
    static let arguments = ["--data", TestPaths.packageRoot.appendingPathComponent("assets/data/four-blobs.csv").path,
                            "-k", "6", "--init", "random-from-data", "--seed", "6"]

    @Test func convergedFitWithAStarvedComponentIsFlagged() throws {
        let dir = TestPaths.temporaryDirectory()
        let fit = try CommandRunner.run(["fit"] + Self.arguments + ["--json"])
        #expect(fit.status == 0, "\(fit.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(fit.stdout.utf8)) as? [String: Any])
        let weights = try #require(json["weights"] as? [Double])
        let samples = try #require(json["samples"] as? Int)
        #expect(json["converged"] as? Bool == true)
        // The fixture's premise, from the fit's own report: one component holds under D + 3 = 5
        // points, the others far more.
        let counts = weights.map { $0 * Double(samples) }
        #expect(counts.filter { $0 < 5 }.count == 1, "\(counts)")

        let r = try CommandRunner.run(["render"] + Self.arguments + ["--frames-dir", "f", "--out", "none"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("f").path).sorted()
        let last = try #require(names.last)
        let image = try PNGDecoding.decode(Array(try Data(contentsOf: dir.appendingPathComponent("f").appendingPathComponent(last))))
        // The warning colour, in the header (the top tenth) and on the plot.
        let warning: UInt32 = 0xB00020
        let rows = image.height / 10
        let header = image.pixels[0 ..< rows * image.width].filter { $0 == warning }.count
        let below = image.pixels[(rows * image.width)...].filter { $0 == warning }.count
        #expect(header > 20 && below > 20, "header \(header), plot \(below)")
    }
}
