import Foundation
import Testing
import TestSupport

/// `gmmviz fit`'s starts, restarts and explicit starting parameters, run as a user runs them.
@Suite("fit: starts and starting parameters")
struct FitStartOptionTests {
    /// Every start and --n-init through the CLI: reproducible for a seed, and more runs end no lower.
    @Test func fitStartsAndRestarts() throws {
        let dir = TestPaths.temporaryDirectory()
        let data = try SelectCommandTests.fourBlobs(in: dir)
        func ll(_ args: [String]) throws -> Double {
            let r = try CommandRunner.run(["fit", "--data", data, "-k", "5", "--json", "--seed", "3"] + args)
            #expect(r.status == 0, "\(r.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            return object?["log_likelihood"] as? Double ?? .nan
        }
        for start in ["kmeans", "kmeans++", "random", "random-from-data", "bunched"] {
            for type in ["full", "spherical"] {
                let one = try ll(["--init", start, "--covariance-type", type])
                #expect(one == (try ll(["--init", start, "--covariance-type", type])))
                #expect(try ll(["--init", start, "--covariance-type", type, "--n-init", "5"]) >= one, "\(start), \(type)")
            }
        }
    }

    @Test func explicitWeightsAndCovariances() throws {
        let r = try CommandRunner.run(["fit", "--means", "-5,-5;0,-5;0,5", "--weights", "0.2,0.3,0.5",
                                       "--covariances", "1,0,0,1;2,0.5,0.5,1;1,0,0,3", "--max-iter", "0", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["weights"] as? [Double] == [0.2, 0.3, 0.5])
        #expect((object?["covariances"] as? [[[Double]]])?[1] == [[2, 0.5], [0.5, 1]])
        let tied = try CommandRunner.run(["fit", "--covariance-type", "tied", "--json"])
        let t = try JSONSerialization.jsonObject(with: Data(tied.stdout.utf8)) as? [String: Any]
        #expect(t?["covariance_type"] as? String == "tied")
        let covs = t?["covariances"] as? [[[Double]]] ?? []
        #expect(covs.count == 3 && covs.allSatisfy { $0 == covs[0] })
    }
}
