import Foundation
import Testing
import TestSupport

/// `gmmviz fit` and `gmmviz generate`, run as a user runs them.
@Suite("fit and generate commands")
struct FitCommandTests {
    @Test func demoFitConverges() throws {
        let r = try CommandRunner.run(["fit"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("converged after"))
        #expect(r.stderr.isEmpty)
    }

    /// Negative numbers are values, not options: the notebook's start, written the obvious way.
    @Test func negativeNumbersAreAccepted() throws {
        let r = try CommandRunner.run(["fit", "--means", "-5,-5;0,-5;0,5", "--tol", "0", "--max-iter", "5", "--reg-covar", "0", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"iterations\": 5"))
        let bad = try CommandRunner.run(["fit", "--tol", "-1"])
        #expect(bad.status != 0 && bad.stderr.contains("--tol must be"), "\(bad.stderr)")
    }

    @Test func jsonReportIsTheFinalModel() throws {
        let r = try CommandRunner.run(["fit", "--json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["converged"] as? Bool == true)
        #expect((object?["iterations"] as? Int ?? 0) > 1)
        #expect((object?["means"] as? [[Double]])?.count == 3)
        #expect((object?["covariances"] as? [[[Double]]])?.first?.count == 2)
        #expect((object?["log_likelihood"] as? Double ?? 0) < 0)
    }

    @Test func historyFileFollowsTheSchema() throws {
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("h.json").path
        let r = try CommandRunner.run(["fit", "--history", path, "--tol", "0", "--max-iter", "12"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        #expect(object?["format"] as? String == "gmmviz.history")
        #expect(object?["iterations"] as? Int == 12)
        #expect((object?["snapshots"] as? [Any])?.count == 13)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["h.json"])
    }

    @Test func sameSeedSameBytes() throws {
        let a = try CommandRunner.run(["generate", "--seed", "5", "--count", "50"])
        let b = try CommandRunner.run(["generate", "--seed", "5", "--count", "50"])
        let c = try CommandRunner.run(["generate", "--seed", "6", "--count", "50"])
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout != c.stdout)
        #expect(a.stdout.split(separator: "\n").count == 151)
        let h1 = try CommandRunner.run(["fit", "--data", "-", "--json", "-k", "3", "--seed", "2"], stdin: a.stdout)
        let h2 = try CommandRunner.run(["fit", "--data", "-", "--json", "-k", "3", "--seed", "2", "--threads", "1"], stdin: a.stdout)
        #expect(h1.status == 0 && h1.stdout == h2.stdout, "\(h1.stderr)")
    }

    @Test func generatedCSVRoundTripsThroughFit() throws {
        let dir = TestPaths.temporaryDirectory()
        let csv = dir.appendingPathComponent("blobs.csv").path
        let g = try CommandRunner.run(["generate", "--means", "0,0,0;8,8,8", "--count", "60", "--std", "0.5", "--out", csv])
        #expect(g.status == 0, "\(g.stderr)")
        let f = try CommandRunner.run(["fit", "--data", csv, "-k", "2", "--json"])
        #expect(f.status == 0, "\(f.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(f.stdout.utf8)) as? [String: Any]
        #expect(object?["dimensions"] as? Int == 3)
        let weights = object?["weights"] as? [Double] ?? []
        #expect(weights.count == 2 && weights.allSatisfy { abs($0 - 0.5) < 1e-6 })
    }
}
