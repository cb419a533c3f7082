import Foundation
@testable import GMM
import Testing
import TestSupport

/// mclust's fourteen covariance models against R's mclust itself
/// (`Fixtures/mclust-models.json`, written by `scripts/make-mclust-fixtures.R`), from the same
/// hard start — hc()'s partition of Old Faithful and iris into 2 and 3 clusters, Mclust's own
/// start — with no regulariser (mclust uses none), twice:
///
/// - Ten EM iterations (mclust: `tol[1] = 0`, `itmax = 10`; its first M-step, from the labels,
///   is gmmviz's start), which compares the M-steps themselves. Closed forms (EII, VII, EEI,
///   EVI, VVI, EEE, EEV, EVV, VVV) and VEE, EVE and VVE agree to rounding: log-likelihood 1e-12
///   relative, weights, means and covariances 1e-9 relative to each array's largest entry. VEI
///   and VEV iterate each M-step to mclust's inner tolerance √ε ≈ 1.5e-8 (relative change of the
///   volumes and shape) from a start of their own — mclust's EM resumes each from the previous
///   M-step's volumes and shape, gmmviz starts afresh (the problem is convex, so the limit is
///   the same) — so two runs differ by about √ε per M-step: 1e-10 and 1e-7 for them (measured:
///   3e-11 and 1.1e-8 on iris).
/// - EM to convergence (mclust: relative log-likelihood change below 1e-11; gmmviz: change of
///   the mean log-likelihood below 1e-13, about 400 times tighter), which checks that both reach
///   the same maximum: log-likelihoods agree to 1e-9 relative. Parameters agree to 3e-4 only
///   (measured worst 1.2e-4, Old Faithful VEV with K = 3, whose EM creeps for 293
///   iterations): where EM converges slowly a change of 1e-11 per iteration leaves mclust's
///   parameters that far short of the maximum, closed forms included (VVV: 6.5e-5).
@Suite("mclust models")
struct MclustModelTests {
    static func cases() throws -> [[String: Any]] {
        guard let cases = try Fixtures.json("mclust-models")["cases"] as? [[String: Any]] else {
            throw FixtureError("mclust-models.json has no cases")
        }
        return cases
    }

    static func data(_ name: String) throws -> Dataset {
        try CSVReader.read(path: TestPaths.packageRoot.appendingPathComponent("assets/data/\(name).csv").path)
    }

    /// The case's data, model, K and start.
    static func setUp(_ index: Int) throws -> (c: [String: Any], data: Dataset, type: CovarianceType, k: Int,
                                               start: MixtureParameters, label: String) {
        let cases = try Self.cases()
        try #require(cases.count == 56, "mclust-models.json holds \(cases.count) cases")
        let c = cases[index]
        let name = try #require(c["data"] as? String), modelName = try #require(c["model"] as? String)
        let type = try #require(CovarianceType(name: modelName))
        #expect(type.mclustName == modelName)
        let k = try c.int("components")
        let data = try Self.data(name)
        let labels = try c.vector("labels").map { Int($0) - 1 }
        let start = Seeding.parametersFromLabels(labels, components: k, data: data, covarianceType: type, regCovar: 0)
        return (c, data, type, k, start, "\(name) \(modelName) K = \(k)")
    }

    /// gmmviz's log-likelihood (total) and the relative errors of its weights, means and
    /// covariances against mclust's `run`.
    static func compare(_ final: Snapshot, samples n: Int, with run: [String: Any]) throws
        -> (loglik: Double, reference: Double, errors: [Double]) {
        let p = final.parameters
        return (final.logLikelihood * Double(n), try run.number("loglik"),
                [Numerics.relativeError(p.weights, try run.vector("weights")),
                 Numerics.relativeError(Numerics.flat(p.means), Numerics.flat(try run.matrix("means"))),
                 Numerics.relativeError(Numerics.flat(p.covariances), Numerics.flat(try run.tensor("covariances")))])
    }

    @Test(arguments: 0 ..< 56)
    func tenIterationsMatchMclust(_ index: Int) throws {
        let s = try Self.setUp(index)
        #expect(s.type.numberOfParameters(components: s.k, dimension: s.data.dimension) == (try s.c.int("parameters")),
                "\(s.label): mclust's nMclustParams")
        let run = try s.c.object("ten_iterations")
        // mclust stops early (with a negative count) only when an iteration leaves the
        // log-likelihood exactly unchanged; its first iteration's M-step is gmmviz's start.
        let iterations = abs(try run.int("iterations"))
        let options = FitOptions(maxIterations: iterations - 1, tolerance: 0, regCovar: 0)
        let result = try GaussianMixture(components: s.k, covarianceType: s.type, options: options)
            .fit(s.data, initialization: .parameters(s.start))
        let r = try Self.compare(result.history.final, samples: s.data.count, with: run)
        let iterative: Set<CovarianceType> = [.vei, .vee, .eve, .vve, .vev]
        let (loglikTolerance, parameterTolerance) = iterative.contains(s.type) ? (1e-10, 1e-7) : (1e-12, 1e-9)
        #expect(Numerics.relativeError(r.loglik, r.reference) < loglikTolerance,
                "\(s.label): log-likelihood \(r.loglik) vs mclust \(r.reference)")
        #expect(r.errors.allSatisfy { $0 < parameterTolerance }, "\(s.label): weights, means, covariances off by \(r.errors)")
    }

    @Test(arguments: 0 ..< 56)
    func convergedEMMatchesMclust(_ index: Int) throws {
        let s = try Self.setUp(index)
        let options = FitOptions(maxIterations: 100_000, tolerance: 1e-13, regCovar: 0)
        let result = try GaussianMixture(components: s.k, covarianceType: s.type, options: options)
            .fit(s.data, initialization: .parameters(s.start))
        let r = try Self.compare(result.history.final, samples: s.data.count, with: try s.c.object("converged"))
        #expect(Numerics.relativeError(r.loglik, r.reference) < 1e-9, "\(s.label): log-likelihood \(r.loglik) vs mclust \(r.reference)")
        #expect(r.errors.allSatisfy { $0 < 3e-4 }, "\(s.label): weights, means, covariances off by \(r.errors)")
    }
}
