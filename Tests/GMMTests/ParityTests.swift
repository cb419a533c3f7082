import Foundation
import GMM
import Testing
import TestSupport

/// The EM against independent references: the notebook's own EM and scikit-learn.
@Suite("Parity with the notebook and scikit-learn")
struct ParityTests {
    /// Notebook parity: the notebook's data and initial model, 100 iterations with tol 0 and
    /// reg_covar 0. The two computations differ only by round-off (plain pdfs vs log space,
    /// scikit-learn's 10·ε floor on Nₖ — 2e-15 relative on Nₖ ≈ 100), so 1e-9 absolute on means
    /// of magnitude ≤ 6 is several orders of magnitude looser than the expected agreement.
    @Test func notebookMeansAgreeAtEverySnapshot() throws {
        let fixture = try Fixtures.json("notebook")
        let data = try Dataset(rows: try fixture.matrix("data"))
        let initial = try fixture.matrix("initial_means")
        guard let expected = fixture["means_history"] as? [[[NSNumber]]] else { throw FixtureError("means_history") }
        let options = FitOptions(maxIterations: try fixture.int("iterations"), tolerance: 0, regCovar: 0)
        let result = try GaussianMixture(components: 3, options: options).fit(data, initialization: .means(initial))
        #expect(result.history.snapshots.count == expected.count)
        #expect(result.history.iterations == 100)
        #expect(result.history.converged == false)
        for (snapshot, reference) in zip(result.history.snapshots, expected) {
            let ref = reference.map { $0.map(\.doubleValue) }
            let err = zip(Numerics.flat(snapshot.parameters.means), Numerics.flat(ref)).map { abs($0 - $1) }.max() ?? .nan
            #expect(err < 1e-9, "iteration \(snapshot.iteration): max |Δμ| = \(err)")
        }
    }

    /// scikit-learn parity for every committed case: final parameters to 1e-8 relative, the
    /// final and every snapshot's log-likelihood to 1e-9 relative, iteration counts and the
    /// converged flag exactly.
    @Test(arguments: try Self.caseNames())
    func sklearnFullCase(_ name: String) throws {
        let c = try Self.sklearnCase(name)
        let data = try Dataset(rows: try c.matrix("data"))
        let initObject = try c.object("initial")
        let initial = MixtureParameters(weights: try initObject.vector("weights"), means: try initObject.matrix("means"),
                                        covariances: try initObject.tensor("covariances"))
        let options = FitOptions(maxIterations: try c.int("max_iter"), tolerance: try c.number("tol"),
                                 regCovar: try c.number("reg_covar"))
        let result = try GaussianMixture(components: try c.int("components"), options: options)
            .fit(data, initialization: .parameters(initial))
        let h = result.history
        let final = h.final.parameters

        #expect(h.iterations == (try c.int("n_iter")))
        #expect(h.converged == (try c.bool("converged")))
        #expect(Numerics.relativeError(final.weights, try c.vector("weights")) < 1e-8)
        #expect(Numerics.relativeError(Numerics.flat(final.means), Numerics.flat(try c.matrix("means"))) < 1e-8)
        #expect(Numerics.relativeError(Numerics.flat(final.covariances), Numerics.flat(try c.tensor("covariances"))) < 1e-8)
        #expect(Numerics.relativeError(h.final.logLikelihood, try c.number("score")) < 1e-9)
        #expect(Numerics.relativeError(try result.model.score(data), try c.number("score")) < 1e-9)

        let scores = try c.vector("snapshot_scores")
        #expect(scores.count == h.snapshots.count)
        for (snapshot, score) in zip(h.snapshots, scores) {
            #expect(Numerics.relativeError(snapshot.logLikelihood, score) < 1e-9, "snapshot \(snapshot.iteration)")
        }
    }

    /// K = 1 has a closed form: after one M-step the mean is the sample mean and the covariance
    /// the (biased) sample covariance plus reg_covar·I, whatever the start.
    @Test func singleComponentIsTheSampleMoments() throws {
        let data = try RandomData.blobs(n: 500, d: 3, k: 1, seed: 7)
        let rows = data.rows
        let n = Double(data.count)
        let mean = (0 ..< 3).map { j in rows.reduce(0) { $0 + $1[j] } / n }
        var cov = [[Double]](repeating: [0, 0, 0], count: 3)
        for a in 0 ..< 3 {
            for b in 0 ..< 3 {
                var s = 0.0
                for row in rows { s += (row[a] - mean[a]) * (row[b] - mean[b]) }
                cov[a][b] = s / n + (a == b ? 1e-6 : 0)
            }
        }
        let result = try GaussianMixture(components: 1, options: FitOptions(maxIterations: 1, tolerance: 0))
            .fit(data, initialization: .means([[10, -10, 3]]))
        let p = result.history.final.parameters
        #expect(Numerics.relativeError(p.means[0], mean) < 1e-12)
        #expect(Numerics.relativeError(Numerics.flat(p.covariances[0]), Numerics.flat(cov)) < 1e-12)
        #expect(p.weights == [1.0])
    }

    static func caseNames() throws -> [String] { try Fixtures.caseNames(in: "sklearn-full") }

    static func sklearnCase(_ name: String) throws -> [String: Any] { try Fixtures.testCase(name, in: "sklearn-full") }
}
