import Foundation
import GMM
import Testing
import TestSupport

/// Every covariance type against scikit-learn (`Fixtures/sklearn-types.json`, written by
/// `scripts/make-fixtures.py`): four cases per type covering D = 1, 2, 3 and 5, tol 0, the
/// default tol and 1e-4, reg_covar 1e-6 and 1e-3.
///
/// Tolerances, as in the full-type parity tests: final parameters to 1e-8 relative to each
/// array's magnitude, log-likelihoods (final and every snapshot's) to 1e-9 relative, iteration
/// counts and the converged flag exactly. BIC and AIC are −2·N·score + penalty, so their
/// relative error is that of the score: 1e-9. The only differences from scikit-learn are
/// round-off — the order of sums, and gmmviz's two-pass scatter where scikit-learn's tied and
/// diag estimates use the one-pass Σ r x² − N μ² — about 1e-14 here.
@Suite("Covariance types against scikit-learn")
struct CovarianceTypeParityTests {
    @Test(arguments: try Self.caseNames())
    func sklearnCase(_ name: String) throws {
        let c = try Self.sklearnCase(name)
        guard let typeName = c["covariance_type"] as? String, let type = CovarianceType(name: typeName) else {
            throw FixtureError("covariance_type of \(name)")
        }
        let data = try Dataset(rows: try c.matrix("data"))
        let initObject = try c.object("initial")
        let initial = MixtureParameters(weights: try initObject.vector("weights"), means: try initObject.matrix("means"),
                                        covariances: try initObject.tensor("covariances"))
        let options = FitOptions(maxIterations: try c.int("max_iter"), tolerance: try c.number("tol"),
                                 regCovar: try c.number("reg_covar"))
        let result = try GaussianMixture(components: try c.int("components"), covarianceType: type, options: options)
            .fit(data, initialization: .parameters(initial))
        let h = result.history
        let final = h.final.parameters

        #expect(h.covarianceType.rawValue == typeName)
        #expect(h.iterations == (try c.int("n_iter")))
        #expect(h.converged == (try c.bool("converged")))
        #expect(Numerics.relativeError(final.weights, try c.vector("weights")) < 1e-8)
        #expect(Numerics.relativeError(Numerics.flat(final.means), Numerics.flat(try c.matrix("means"))) < 1e-8)
        #expect(Numerics.relativeError(Numerics.flat(final.covariances), Numerics.flat(try c.tensor("covariances"))) < 1e-8)
        #expect(Numerics.relativeError(h.final.logLikelihood, try c.number("score")) < 1e-9)
        let scores = try c.vector("snapshot_scores")
        #expect(scores.count == h.snapshots.count)
        for (snapshot, score) in zip(h.snapshots, scores) {
            #expect(Numerics.relativeError(snapshot.logLikelihood, score) < 1e-9, "snapshot \(snapshot.iteration)")
        }

        let model = result.model
        #expect(model.covarianceType == type)
        #expect(model.numberOfParameters == (try c.int("n_parameters")))
        #expect(Numerics.relativeError(try model.bic(data), try c.number("bic")) < 1e-9)
        #expect(Numerics.relativeError(try model.aic(data), try c.number("aic")) < 1e-9)
    }

    /// The fixtures cover every scikit-learn type with at least three cases, D = 1 and D = 5
    /// among them.
    @Test func fixturesCoverEveryType() throws {
        guard let cases = try Fixtures.json("sklearn-types")["cases"] as? [[String: Any]] else { throw FixtureError("cases") }
        for type in CovarianceType.scikitLearn {
            let mine = cases.filter { $0["covariance_type"] as? String == type.rawValue }
            let dims = Set(mine.compactMap { $0["dimension"] as? Int })
            #expect(mine.count >= 3, "\(type)")
            #expect(dims.contains(1) && dims.contains(5), "\(type): \(dims)")
        }
    }

    static func caseNames() throws -> [String] { try Fixtures.caseNames(in: "sklearn-types") }

    static func sklearnCase(_ name: String) throws -> [String: Any] { try Fixtures.testCase(name, in: "sklearn-types") }
}
