import Foundation
@testable import GMM
import Testing
import TestSupport

/// Fits that only the regulariser keeps finite, and fits carried on to the likelihood's own
/// maximum, in model selection.
@Suite("Singular fits and the released regulariser")
struct SingularFitTests {
    static func fixtureData(_ name: String) throws -> Dataset {
        guard let cases = try Fixtures.json("mclust-bic")["cases"] as? [[String: Any]],
              let found = cases.first(where: { $0["name"] as? String == name }) else { throw FixtureError("mclust-bic: no \(name)") }
        return try Dataset(rows: try found.matrix("data"))
    }

    /// What the flag predicts from one M-step, EM shows over a whole run: every fit of the 31
    /// trees (K = 1…9, the fourteen models, regulariser kept) is carried on by EM with a
    /// regulariser a thousand times smaller. A flagged fit's flagged component shrinks at
    /// least tenfold in some direction and its likelihood rises (in a full model by ½·ln 1000
    /// ≈ 3.5 nats per point it holds alone; in an equal-volume model, which cannot collapse,
    /// by the little a flatter shape adds); a fit that is not flagged keeps its covariances to
    /// within that factor and its likelihood to a ten-thousandth of a nat per sample.
    @Test func flaggedFitsAreTheOnesTheRegulariserHolds() throws {
        let data = try Self.fixtureData("trees")
        let options = FitOptions(tolerance: 1e-5, seed: 0)
        let result = try ModelSelection(components: 1 ... 9, covarianceTypes: CovarianceType.mclust, options: options,
                                        releasesRegularisation: false).run(data)
        var weaker = options
        weaker.regCovar = options.regCovar * RegularisedSingularity.weakening
        var flagged = 0, regular = 0, collapsing = 0
        for c in result.candidates {
            guard let fit = c.result else { continue }
            let label = "\(c.covarianceType.mclustName) K = \(c.components)"
            let before = fit.history.final.logLikelihood * Double(data.count)
            let gmm = GaussianMixture(components: c.components, covarianceType: c.covarianceType, options: weaker)
            let carried: FitResult
            do {
                carried = try gmm.fit(data, initialization: .parameters(fit.model.parameters))
            } catch {
                #expect(c.isSingular, "\(label): not flagged, but EM with a weaker regulariser broke down: \(error)")
                continue
            }
            let gain = carried.history.final.logLikelihood * Double(data.count) - before
            let shrunk = zip(carried.model.parameters.covariances, fit.model.parameters.covariances).map {
                RegularisedSingularity.shrinks($0.0, from: $0.1)
            }
            if let k = c.singularComponent {
                flagged += 1
                #expect(shrunk[k], "\(label): component \(k + 1) flagged, but EM does not shrink it")
                #expect(gain > 1e-3, "\(label): flagged, but gains only \(gain) nats")
                if gain > 3 { collapsing += 1 }
            } else {
                regular += 1
                #expect(!shrunk.contains(true), "\(label): not flagged, but EM shrinks a component tenfold")
                #expect(abs(gain) < 1e-4 * Double(data.count), "\(label): not flagged, but moves \(gain) nats")
            }
        }
        // Both kinds occur, and most flagged fits are collapses: the test means something.
        #expect(flagged >= 10 && regular >= 30 && collapsing * 2 >= flagged, "\(flagged) flagged (\(collapsing) collapsing), \(regular) not")
        #expect(!result.best.isSingular)
    }

    /// A tight cluster in data measured in large units is not singular: σ = 0.01 blobs 200
    /// apart have variances far above the regulariser, though a millionth of the data's.
    @Test func tightClustersInLargeUnitsAreRegular() throws {
        let data = try BlobGenerator.generate(means: [[-100, 0], [100, 0]], count: 60, std: 0.01, seed: 3)
        let result = try ModelSelection(components: 1 ... 3, covarianceTypes: [.full, .spherical]).run(data)
        #expect(result.candidates.allSatisfy { !$0.isSingular || $0.components > 2 })
        #expect(result.best.components == 2 && !result.ranksSingularFits)
    }

    /// A constant column leaves no fit regular; the choice is then made among the singular
    /// fits, and says so.
    @Test func aConstantColumnMakesEveryFitSingular() throws {
        let data = try Dataset(rows: (0 ..< 40).map { [Double($0 % 7) + (Double($0) * 0.37).truncatingRemainder(dividingBy: 1), 2] })
        let result = try ModelSelection(components: 1 ... 3, covarianceTypes: [.full, .diag]).run(data)
        #expect(result.candidates.allSatisfy { $0.result == nil || $0.isSingular })
        #expect(result.ranksSingularFits && result.best.bic != nil)
    }

    /// K = 1 has a closed form: the mean and the biased covariance, with mean log-likelihood
    /// −½(D·ln 2π + ln det Σ + D). On a column whose variance is 1e-6, the regulariser would
    /// double it; released, the selection's fit is the closed form's, to round-off.
    @Test func releasedFitIsTheMaximumLikelihoodEstimate() throws {
        let xs = (0 ..< 50).map { 5 + 0.0035 * Double($0) / 49 }
        let data = try Dataset(rows: xs.map { [$0] })
        let mean = xs.reduce(0, +) / 50
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 50
        let expected = -0.5 * (log(2 * Double.pi) + log(variance) + 1)
        let released = try ModelSelection(components: 1 ... 1, covarianceTypes: [.full]).run(data).best
        let kept = try ModelSelection(components: 1 ... 1, covarianceTypes: [.full], releasesRegularisation: false).run(data).best
        let ll = try #require(released.logLikelihood)
        #expect(abs(ll - expected) < 1e-9 * abs(expected))
        #expect(try #require(kept.logLikelihood) < expected - 0.05)
        let fitted = try #require(released.result)
        #expect(abs(fitted.model.parameters.covariances[0][0][0] - variance) < 1e-12)
        // The history runs from the start through the regularised maximum to the released one.
        #expect(fitted.history.snapshots.map(\.iteration) == Array(0 ... fitted.history.iterations))
        #expect(fitted.history.snapshots[0].parameters.covariances[0][0][0] > variance + 0.9e-6)
    }
}
