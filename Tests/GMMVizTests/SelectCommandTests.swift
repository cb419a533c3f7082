import Foundation
import Testing
import TestSupport

/// `gmmviz select`, run as a user runs it.
@Suite("select command")
struct SelectCommandTests {
    /// Four well-separated blobs, written by `gmmviz generate`.
    static func fourBlobs(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("blobs.csv").path
        let r = try CommandRunner.run(["generate", "--means", "0,0;8,0;0,8;8,8", "--count", "100", "--seed", "1", "--out", path])
        guard r.status == 0 else { throw CommandFailure(r.stderr) }
        return path
    }

    struct CommandFailure: Error { let message: String; init(_ m: String) { message = m } }

    @Test func selectPicksFourOnFourBlobs() throws {
        let dir = TestPaths.temporaryDirectory()
        let data = try Self.fourBlobs(in: dir)
        let chart = dir.appendingPathComponent("bic.png").path
        let history = dir.appendingPathComponent("best.json").path
        let r = try CommandRunner.run(["select", "--data", data, "--k", "1...6", "--chart", chart, "--history", history])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let marked = r.stdout.split(separator: "\n").filter { $0.contains("* lowest BIC") }
        // Four equal round blobs: the cheapest of mclust's models that fits them, one variance
        // shared by all (EII), is the default grid's choice.
        #expect(marked.count == 1 && marked[0].hasPrefix("EII          4"), "\(r.stdout)")
        #expect(r.stdout.contains("chosen: K = 4, EII covariances"))
        let png = try Data(contentsOf: URL(fileURLWithPath: chart))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: history))) as? [String: Any]
        #expect(object?["components"] as? Int == 4 && object?["covariance_type"] as? String == "EII")
    }

    /// On Old Faithful, select's default starts and tolerance reach the model mclust chooses.
    /// The reference is mclust 6.0.0's `Mclust(faithful, G = 1:9)`: EEE (tied) with 3
    /// components at BIC 2314.32 in scikit-learn's sign, recorded with its hierarchy in
    /// Tests/GMMTests/Fixtures/mclust-hc.json by scripts/make-mclust-fixtures.R. gmmviz's BIC
    /// is computed as scikit-learn's, on the same log-likelihood, so a converged fit of the
    /// same model matches it; 0.1 is allowed for the stopping rule (EM stopped at a relative
    /// change of 1e-5 sits within a few hundredths of the maximum). K runs to 4 to keep the test
    /// short; the README shows the full 1…9 grid choosing the same model.
    @Test func selectDefaultsReachMclustsModelOnOldFaithful() throws {
        let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/GMMTests/Fixtures/mclust-hc.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any]
        let cases = object?["cases"] as? [[String: Any]] ?? []
        let faithful = try #require(cases.first { $0["name"] as? String == "faithful" })
        let mclustBIC = try #require((faithful["best_bic"] as? NSNumber)?.doubleValue)
        let reference = -mclustBIC
        #expect(abs(reference - 2314.32) < 0.01)
        let data = TestPaths.packageRoot.appendingPathComponent("assets/data/faithful.csv").path
        let r = try CommandRunner.run(["select", "--data", data, "--k", "1...4", "--covariance-type", "all"])
        #expect(r.status == 0, "\(r.stderr)")
        let chosen = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("chosen:") }, "\(r.stdout)")
        #expect(chosen.hasPrefix("chosen: K = 3, tied covariances, BIC "), "\(chosen)")
        let bic = try #require(chosen.split(separator: " ").dropFirst(7).first.flatMap { Double($0) }, "\(chosen)")
        #expect(bic <= reference + 0.1, "\(chosen)")
    }

    /// --render-best animates the chosen model: a GIF whose frames are that fit's snapshots.
    @Test func renderBestWritesTheChosenModelsAnimation() throws {
        let dir = TestPaths.temporaryDirectory()
        let data = try Self.fourBlobs(in: dir)
        let gif = dir.appendingPathComponent("best.gif").path
        let history = dir.appendingPathComponent("best.json").path
        let r = try CommandRunner.run(["select", "--data", data, "--k", "2...5", "--render-best", "--out", gif, "--history", history, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let decoded = try DecodedGIF(Array(try Data(contentsOf: URL(fileURLWithPath: gif))))
        let h = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: history))) as? [String: Any]
        #expect(h?["components"] as? Int == 4)
        #expect(decoded.frames.count == (h?["iterations"] as? Int ?? -1) + 1)
    }

    @Test func selectJSONWithEveryType() throws {
        let dir = TestPaths.temporaryDirectory()
        let data = try Self.fourBlobs(in: dir)
        let r = try CommandRunner.run(["select", "--data", data, "--k", "2...5", "--covariance-type", "all", "--json", "--chart",
                                       dir.appendingPathComponent("bic.svg").path])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let fits = object?["fits"] as? [[String: Any]] ?? []
        #expect(fits.count == 4 * 14)
        #expect(Set(fits.compactMap { $0["covariance_type"] as? String }) == ["full", "tied", "diag", "spherical", "EII", "EEI", "VEI", "EVI", "VEE", "EVE", "VVE", "EEV", "VEV", "EVV"])
        let best = object?["best"] as? [String: Any]
        #expect(best?["components"] as? Int == 4)
        let lowest = fits.filter { $0["singular"] as? Bool == false }.compactMap { $0["bic"] as? Double }.min()
        #expect(best?["bic"] as? Double == lowest)
        let svg = try String(contentsOf: dir.appendingPathComponent("bic.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
    }

    /// On R's 31 trees (from the mclust fixture), full fits of K = 4 and up close onto a few
    /// points: they are listed, marked singular, and the choice is the lowest BIC of the rest.
    @Test func singularFitsAreListedButNotChosen() throws {
        let dir = TestPaths.temporaryDirectory()
        let fixture = TestPaths.packageRoot.appendingPathComponent("Tests/GMMTests/Fixtures/mclust-bic.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any]
        let trees = try #require((object?["cases"] as? [[String: Any]])?.first { $0["name"] as? String == "trees" })
        let rows = try #require(trees["data"] as? [[Double]])
        let csv = dir.appendingPathComponent("trees.csv")
        try ("girth,height,volume\n" + rows.map { $0.map { "\($0)" }.joined(separator: ",") }.joined(separator: "\n") + "\n")
            .write(to: csv, atomically: true, encoding: .utf8)
        let json = try CommandRunner.run(["select", "--data", csv.path, "--covariance-type", "full", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let fits = report?["fits"] as? [[String: Any]] ?? []
        let singular = fits.filter { $0["singular"] as? Bool == true }
        let regular = fits.filter { $0["singular"] as? Bool == false }
        #expect(singular.count >= 3 && regular.count >= 3, "\(fits)")
        let best = try #require(report?["best"] as? [String: Any])
        #expect(best["bic"] as? Double == regular.compactMap { $0["bic"] as? Double }.min())
        #expect(singular.contains { ($0["bic"] as? Double ?? .infinity) < (best["bic"] as? Double ?? 0) })
        let table = try CommandRunner.run(["select", "--data", csv.path, "--covariance-type", "full"])
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasSuffix("~") }.count == singular.count, "\(table.stdout)")
        #expect(lines.contains { $0.hasPrefix("(~ = singular") && $0.contains("not chosen") }, "\(table.stdout)")
    }

    /// Unless --reg-covar is given, a fit is carried on without it: on a column whose variance
    /// is about the regulariser's, K = 1's mean log-likelihood is then the closed form's,
    /// −½(ln 2πσ² + 1) with σ² the biased variance; given, it stays regularised and lower.
    @Test func regulariserIsReleasedUnlessGiven() throws {
        let dir = TestPaths.temporaryDirectory()
        let xs = (0 ..< 50).map { 5 + 0.0035 * Double($0) / 49 }
        let csv = dir.appendingPathComponent("narrow.csv")
        try ("x\n" + xs.map { "\($0)" }.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        let mean = xs.reduce(0, +) / 50
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 50
        let expected = -0.5 * (log(2 * Double.pi * variance) + 1)
        func logLikelihood(_ extra: [String]) throws -> Double {
            let r = try CommandRunner.run(["select", "--data", csv.path, "--k", "1", "--covariance-type", "full", "--json"] + extra)
            let fits = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["fits"] as? [[String: Any]]
            return try #require(fits?.first?["log_likelihood"] as? Double, "\(r.stdout)\(r.stderr)")
        }
        #expect(abs(try logLikelihood([]) - expected) < 1e-9 * abs(expected))
        #expect(try logLikelihood(["--reg-covar", "1e-6"]) < expected - 0.05)
    }

    typealias Bad = RejectedArguments

    static let bad: [Bad] = [
        Bad(arguments: ["--k", "0...3"], fragments: ["-k must be at least 1, got 0"]),
        Bad(arguments: ["--k", "5...2"], fragments: ["'5...2'", "--k", "empty", "2...5"]),
        Bad(arguments: ["--k", "1-8"], fragments: ["'1-8'", "--k", "not a range of K", "1...8"]),
        Bad(arguments: ["--covariance-type", "full,banded"], fragments: ["unknown covariance type \"banded\""]),
        Bad(arguments: ["--n-init", "0"], fragments: ["--n-init must be at least 1"]),
        Bad(arguments: ["--chart", "bic.jpg"], fragments: ["'bic.jpg'", "--chart", ".png"]),
        Bad(arguments: ["--render-best", "--out", "/nonexistent-dir/best.gif"], fragments: ["/nonexistent-dir", "does not exist"]),
        Bad(arguments: ["--chart", "/nonexistent-dir/bic.png"], fragments: ["/nonexistent-dir", "does not exist"]),
    ]

    @Test(arguments: bad)
    func selectRejects(_ c: Bad) throws {
        expectRejected(try CommandRunner.run(["select"] + c.arguments), c.fragments)
    }
}
