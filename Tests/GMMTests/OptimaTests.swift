import Foundation
import GMM
import Testing

/// ``Optima``: runs at one model under other labels group together; other models do not.
@Suite("Optima")
struct OptimaTests {
    static let model: [[Double]] = [[0, 0], [5, 5], [-3, 4]]
    /// Every component's standard deviation along each coordinate: 0.5.
    static let spreads: [[Double]] = [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]

    /// A mean 0.03 off (0.06 σ) is not the same mean; 0.024 off (0.048 σ) is.
    @Test func meansMatchWithinAFractionOfTheirSpread() {
        let near = Optima(finals: [(-1, Self.model, Self.spreads), (-1, [[0.024, 0], [5, 5], [-3, 4]], Self.spreads)])
        #expect(near.group == [0, 0])
        let far = Optima(finals: [(-1, Self.model, Self.spreads), (-1, [[0.03, 0], [5, 5], [-3, 4]], Self.spreads)])
        #expect(far.group == [0, 1])
    }

    /// The same three means listed in another order, with a log-likelihood 5e-7 away (within
    /// 1e-6) and means moved by 0.02 (0.04 σ of components of σ = 0.5): one optimum. Then a run
    /// with the same log-likelihood whose third mean is 2 (4 σ) away, and one with these means
    /// whose log-likelihood is 1e-4 lower: two more optima.
    @Test func permutedRunsAtOneOptimumGroupTogether() {
        let permuted: [[Double]] = [[5, 5.02], [-3, 4], [0.02, 0]]
        let elsewhere: [[Double]] = [[0, 0], [5, 5], [-3, 6]]
        let optima = Optima(finals: [(-2.0001, Self.model, Self.spreads), (-2.0, Self.model, Self.spreads),
                                     (-2.0000005, permuted, Self.spreads), (-2.0, elsewhere, Self.spreads)])
        #expect(optima.count == 3)
        // Numbered by log-likelihood, highest first: run 1's optimum is A, run 3's (equal
        // log-likelihood, found later) B, run 0's C.
        #expect(optima.group == [2, 0, 0, 1])
        #expect(optima.best == 1)
    }

    /// Two means of one run cannot both match one mean of the other: [a, a, b] is not [a, b, b].
    @Test func matchingIsOneToOne() {
        let optima = Optima(finals: [(-1, [[0, 0], [0, 0], [4, 4]], Self.spreads), (-1, [[0, 0], [4, 4], [4, 4]], Self.spreads)])
        #expect(optima.group == [0, 1])
    }

    /// The best is the first of the highest, as a fit with restarts keeps it.
    @Test func bestIsTheEarliestOfTheHighest() {
        let optima = Optima(finals: [(-3, Self.model, Self.spreads), (-1, [[9, 9], [1, 1], [2, 2]], Self.spreads),
                                     (-1, [[8, 8], [1, 1], [2, 2]], Self.spreads)])
        #expect(optima.best == 1)
        #expect(optima.group == [2, 0, 1])
    }

    /// Every run of ``GaussianMixture/fitEachRun(_:initialization:count:)`` is the run of the
    /// same index of a fit with as many restarts: the same final log-likelihoods, bit for bit,
    /// and the run that fit keeps is the best of them.
    @Test func eachRunIsTheRestartOfTheSameIndex() throws {
        let data = try BlobGenerator.generate(means: [[0, 0], [6, 0], [0, 6], [6, 6]], count: 200, std: 1.2, seed: 5)
        let options = FitOptions(seed: 11, runs: 5)
        let mixture = GaussianMixture(components: 4, options: options)
        let fit = try mixture.fit(data, initialization: .randomFromData)
        let runs = try mixture.fitEachRun(data, initialization: .randomFromData, count: 5)
        #expect(runs.map(\.final.logLikelihood) == fit.runLogLikelihoods)
        let optima = Optima(runs)
        #expect(optima.best == fit.keptRun)
        #expect(runs[optima.best] == fit.history)
        #expect(throws: FitError.outOfRange(.runs, value: 0, allowed: 1 ... Int.max)) {
            try mixture.fitEachRun(data, initialization: .randomFromData, count: 0)
        }
    }
}
