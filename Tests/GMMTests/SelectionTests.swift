import Foundation
import GMM
import Testing
import TestSupport

/// Model choice by BIC, sampling, and the scikit-learn-named model API.
@Suite("Model selection and the model API")
struct SelectionTests {
    /// Four blobs of 100 points, 8 apart with σ = 1: K = 4 is the obvious answer.
    static let fourBlobs: Dataset = {
        do { return try BlobGenerator.generate(means: [[0, 0], [8, 0], [0, 8], [8, 8]], count: 100, seed: 1) } catch { fatalError("\(error)") }
    }()

    @Test func bicPicksFourComponentsOnFourBlobs() throws {
        let result = try ModelSelection(components: 1 ... 8).run(Self.fourBlobs)
        #expect(result.candidates.count == 8)
        #expect(result.best.components == 4 && result.best.covarianceType == .full)
        #expect(result.candidates.map(\.components) == Array(1 ... 8))
    }

    /// With every type, the lowest BIC is still K = 4 (the blobs are round, so the
    /// cheapest type that fits them — spherical — may win; K must not change).
    @Test func bicPicksFourComponentsWithEveryType() throws {
        let result = try ModelSelection(components: 1 ... 6, covarianceTypes: CovarianceType.allCases,
                                        options: FitOptions(seed: 2)).run(Self.fourBlobs)
        #expect(result.candidates.count == 6 * 14)
        #expect(result.best.components == 4)
        for type in CovarianceType.allCases {
            let mine = result.candidates.filter { $0.covarianceType == type }
            let best = mine.min { ($0.bic ?? .infinity) < ($1.bic ?? .infinity) }
            #expect(best?.components == 4, "\(type)")
        }
    }

    /// A candidate's BIC and AIC are its model's, computed from the same score.
    @Test func candidateCriteriaAreTheModels() throws {
        let result = try ModelSelection(components: 2 ... 3, covarianceTypes: [.tied]).run(Self.fourBlobs)
        for c in result.candidates {
            let model = try #require(c.result?.model)
            #expect(c.bic == (try model.bic(Self.fourBlobs)))
            #expect(c.aic == (try model.aic(Self.fourBlobs)))
            #expect(c.numberOfParameters == model.numberOfParameters)
        }
    }

    /// A failing fit is recorded and left out; a range from 0 and explicit means are errors.
    @Test func failuresAndBadRequests() throws {
        let data = try Dataset(rows: [[0, 0], [0, 0], [0, 0], [5, 5], [6, 5], [5, 6]])
        let result = try ModelSelection(components: 1 ... 5, options: FitOptions(regCovar: 0)).run(data)
        #expect(result.candidates.contains { $0.result == nil })
        #expect(result.best.result != nil)
        #expect(throws: FitError.self) { try ModelSelection(components: 0 ... 3).run(Self.fourBlobs) }
        #expect(throws: FitError.self) { try ModelSelection(components: 1 ... 3, initialization: .means([[0, 0]])).run(Self.fourBlobs) }
    }

    /// Samples come grouped by component, in the weights' proportions, with the components'
    /// means and covariances (20,000 draws: the standard errors are ≈ 0.01–0.02; 0.06 allowed).
    @Test func samplingReproducesTheModel() throws {
        let p = MixtureParameters(weights: [0.25, 0.75], means: [[-3, 1], [4, 2]],
                                  covariances: [[[1, 0.6], [0.6, 2]], [[0.5, 0], [0, 0.5]]])
        let model = try MixtureModel(p)
        let (data, labels) = try model.sample(count: 20_000, seed: 7)
        #expect(data.count == 20_000 && labels.count == 20_000)
        #expect(labels == labels.sorted())
        let again = try model.sample(count: 20_000, seed: 7)
        #expect(again.data == data && again.labels == labels)
        for c in 0 ..< 2 {
            let rows = zip(data.rows, labels).filter { $0.1 == c }.map(\.0)
            #expect(abs(Double(rows.count) / 20_000 - p.weights[c]) < 0.02)
            let n = Double(rows.count)
            let mean = (0 ..< 2).map { j in rows.reduce(0) { $0 + $1[j] } / n }
            for j in 0 ..< 2 { #expect(abs(mean[j] - p.means[c][j]) < 0.06, "component \(c) mean \(mean)") }
            for a in 0 ..< 2 {
                for b in 0 ..< 2 {
                    let cov = rows.reduce(0) { $0 + ($1[a] - mean[a]) * ($1[b] - mean[b]) } / n
                    #expect(abs(cov - p.covariances[c][a][b]) < 0.06, "component \(c) Σ[\(a)][\(b)] = \(cov)")
                }
            }
        }
        #expect(throws: DataError.self) { try model.sample(count: 0) }
    }

    @Test func predictProbaIsTheResponsibilities() throws {
        let model = try MixtureModel(MixtureParameters(means: [[0, 0], [3, 3]]), covarianceType: .spherical)
        #expect(try model.predictProba(Self.fourBlobs) == (try model.responsibilities(for: Self.fourBlobs)))
        #expect(try model.predict(try Dataset(rows: [[0.1, 0], [2.9, 3]])) == [0, 1])
    }
}
