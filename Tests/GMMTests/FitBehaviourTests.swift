import Foundation
import GMM
import Testing
import TestSupport

/// The fit loop's rules: stopping, history shape, initialisations and failures.
@Suite("Fit behaviour")
struct FitBehaviourTests {
    @Test func historyHasOneSnapshotPerMStepPlusTheInitialOne() throws {
        let data = try Demo.data()
        let result = try GaussianMixture(components: 3).fit(data, initialization: .means(Demo.initialMeans))
        let h = result.history
        #expect(h.converged)
        #expect(h.snapshots.count == h.iterations + 1)
        #expect(h.snapshots.map(\.iteration) == Array(0 ... h.iterations))
        #expect(h.snapshots[0].parameters == Demo.initialParameters)
        // The last two likelihoods differ by less than tol (that is why it stopped); the two
        // before did not.
        let ll = h.snapshots.map(\.logLikelihood)
        #expect(abs(ll[h.iterations - 1] - ll[h.iterations - 2]) < 1e-3)
        #expect(abs(ll[h.iterations - 2] - ll[h.iterations - 3]) >= 1e-3)
    }

    @Test func tolZeroRunsEveryIterationAndMaxIterZeroRunsNone() throws {
        let data = try Demo.data()
        let all = try GaussianMixture(components: 3, options: FitOptions(maxIterations: 37, tolerance: 0))
            .fit(data, initialization: .means(Demo.initialMeans)).history
        #expect(all.iterations == 37 && !all.converged)
        let none = try GaussianMixture(components: 3, options: FitOptions(maxIterations: 0))
            .fit(data, initialization: .means(Demo.initialMeans)).history
        #expect(none.iterations == 0 && none.snapshots.count == 1)
        #expect(none.snapshots[0].logLikelihood.isFinite)
    }

    @Test func demoFitFindsTheThreeBlobs() throws {
        let h = try GaussianMixture(components: 3).fit(try Demo.data(), initialization: .means(Demo.initialMeans)).history
        for truth in Demo.trueMeans {
            let nearest = h.final.parameters.means.map { hypot($0[0] - truth[0], $0[1] - truth[1]) }.min() ?? .infinity
            #expect(nearest < 0.35, "no fitted mean near \(truth)")
        }
    }

    @Test(arguments: [Initialization.kMeansPlusPlus, .randomFromData])
    func seededInitialisationsAreReproducible(_ method: Initialization) throws {
        let data = try RandomData.blobs(n: 400, d: 2, k: 4, seed: 9)
        let fit = { (seed: UInt64) in
            try GaussianMixture(components: 4, options: FitOptions(seed: seed)).fit(data, initialization: method).history
        }
        let a = try fit(1), b = try fit(1), c = try fit(2)
        #expect(a == b)
        #expect(a.snapshots[0].parameters != c.snapshots[0].parameters)
    }

    /// kmeans++ seeds are data points; the initial means are the centroids of their cells, so
    /// on well-separated blobs each blob gets one component.
    @Test func kMeansPlusPlusSeparatesSeparatedBlobs() throws {
        let data = try BlobGenerator.generate(means: [[-20, 0], [0, 20], [20, 0], [0, -20]], count: 50, std: 1, seed: 4)
        let p = try GaussianMixture(components: 4, options: FitOptions(maxIterations: 0)).fit(data, initialization: .kMeansPlusPlus)
            .history.snapshots[0].parameters
        let sorted = p.means.map { [($0[0] / 20).rounded(), ($0[1] / 20).rounded()] }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        #expect(sorted == [[-1, 0], [0, -1], [0, 1], [1, 0]])
        #expect(p.weights == [0.25, 0.25, 0.25, 0.25])
    }

    @Test func collapsedComponentIsAClearError() throws {
        // Two identical points and reg_covar 0: the second component collapses onto them.
        let data = try Dataset(rows: [[0, 0], [0, 0], [5, 5], [6, 5], [5, 6]])
        let gmm = GaussianMixture(components: 2, options: FitOptions(regCovar: 0))
        #expect {
            try gmm.fit(data, initialization: .means([[0, 0], [5.5, 5.5]]))
        } throws: { error in
            guard case .illDefinedCovariance = error as? FitError else { return false }
            let text = "\(error)"
            return text.contains("increase regCovar") && text.contains("decrease the number of components")
        }
        // With the default regulariser the same fit succeeds and stays finite.
        let h = try GaussianMixture(components: 2).fit(data, initialization: .means([[0, 0], [5.5, 5.5]])).history
        #expect(h.final.logLikelihood.isFinite)
    }

    @Test func tooFewSamplesAndDistinctPoints() throws {
        let two = try Dataset(rows: [[0, 0], [1, 1]])
        #expect(throws: FitError.tooFewSamples(samples: 2, components: 3)) {
            try GaussianMixture(components: 3).fit(two, initialization: .kMeansPlusPlus)
        }
        let same = try Dataset(rows: [[1, 1], [1, 1], [1, 1], [2, 2]])
        #expect(throws: FitError.tooFewDistinctPoints(distinct: 2, components: 3)) {
            try GaussianMixture(components: 3).fit(same, initialization: .kMeansPlusPlus)
        }
        #expect(throws: FitError.tooFewDistinctPoints(distinct: 2, components: 3)) {
            try GaussianMixture(components: 3).fit(same, initialization: .randomFromData)
        }
    }

    @Test func valuesWhoseSquaresOverflowAreNamed() throws {
        let data = try Dataset(rows: [[1e300, 1], [-1e300, 2], [5, 6], [7, 8]])
        #expect(throws: FitError.valuesTooLarge(largest: 1e300)) {
            try GaussianMixture(components: 2).fit(data, initialization: .kMeansPlusPlus)
        }
        // Large but safe values fit.
        let scaled = try Dataset(rows: (0 ..< 40).map { [Double($0 % 2) * 1e100 + Double($0), 1e100] })
        _ = try GaussianMixture(components: 2).fit(scaled, initialization: .kMeansPlusPlus)
    }

    @Test func badOptionsAreRejected() throws {
        let data = try Demo.data()
        for options in [FitOptions(maxIterations: -1), FitOptions(tolerance: -1), FitOptions(tolerance: .nan),
                        FitOptions(regCovar: -1e-6), FitOptions(threads: 0)] {
            #expect(throws: FitError.self) { try GaussianMixture(components: 3, options: options).fit(data, initialization: .kMeansPlusPlus) }
        }
        #expect(throws: FitError.self) { try GaussianMixture(components: 0).fit(data, initialization: .kMeansPlusPlus) }
        #expect(throws: FitError.self) { try GaussianMixture(components: 2).fit(data, initialization: .means([[0, 0, 0], [1, 1, 1]])) }
    }

    @Test func generatorIsSeededAndShaped() throws {
        let a = try BlobGenerator.generate(means: [[2, 4], [-5, 3]], count: 1000, seed: 5)
        let b = try BlobGenerator.generate(means: [[2, 4], [-5, 3]], count: 1000, seed: 5)
        #expect(a == b)
        #expect(a.count == 2000 && a.dimension == 2)
        // Blob 1 is rows 0..<1000: its sample mean is within 4 standard errors of (2, 4).
        let xs = (0 ..< 1000).map { a[sample: $0] }
        let mx = xs.reduce(0) { $0 + $1[$1.startIndex] } / 1000
        let my = xs.reduce(0) { $0 + $1[$1.startIndex + 1] } / 1000
        #expect(abs(mx - 2) < 4 / 1000.0.squareRoot() && abs(my - 4) < 4 / 1000.0.squareRoot())
        let variance = xs.reduce(0) { $0 + pow($1[$1.startIndex] - mx, 2) } / 999
        #expect(abs(variance - 1) < 0.15)
    }
}
