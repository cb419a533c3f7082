import Foundation
import GMM
import Testing
import TestSupport

/// A fit whose covariance collapses keeps, on request, the history that led there.
@Suite("Collapsed fit")
struct CollapsedFitTests {
    static let gmm = GaussianMixture(components: 3, options: FitOptions(tolerance: 0, regCovar: 0))

    static func collapse() throws -> CollapsedFit {
        let data = try Dataset(rows: FailureFixtures.collapse)
        do {
            _ = try gmm.fit(data, initialization: .means(FailureFixtures.means), keepingHistoryOnCollapse: true)
        } catch let collapse as CollapsedFit {
            return collapse
        }
        Issue.record("the fixture did not collapse")
        throw FitError.noCovarianceTypes
    }

    /// The third component falls onto the lone point: the history stops one snapshot before the
    /// failing M-step, every snapshot in it is a valid model, and Nₖ is about one point.
    @Test func keepsTheValidSnapshotsBeforeTheCollapse() throws {
        let c = try Self.collapse()
        #expect(c.component == 2)
        #expect(c.iteration >= 2, "the fixture should show some iterations before collapsing")
        #expect(c.history.snapshots.count == c.iteration)
        #expect(c.history.snapshots.map(\.iteration) == Array(0 ..< c.iteration))
        #expect(!c.history.converged)
        for s in c.history.snapshots {
            try s.parameters.validate(components: 3, dimension: 2)
            #expect(s.logLikelihood.isFinite)
        }
        // One lone point of 61: the collapsed component held it alone, up to the tails of the rings.
        #expect(abs(c.effectiveCount - 1) < 0.05)
        // Its weight in the last valid model is already close to 1/61.
        #expect(abs(c.history.final.parameters.weights[2] * 61 - 1) < 0.5)
    }

    /// The partial history is the one an uninterrupted fit records for as many iterations.
    @Test func partialHistoryMatchesAShorterFit() throws {
        let c = try Self.collapse()
        var shorter = Self.gmm
        shorter.options.maxIterations = c.iteration - 1
        let reference = try shorter.fit(try Dataset(rows: FailureFixtures.collapse), initialization: .means(FailureFixtures.means))
        #expect(reference.history.snapshots == c.history.snapshots)
    }

    /// Without the request the same fit throws the plain error, naming the same component and
    /// iteration, so callers that only want a model see no change.
    @Test func plainFitThrowsTheSameFitError() throws {
        let c = try Self.collapse()
        #expect(throws: c.error) {
            try Self.gmm.fit(try Dataset(rows: FailureFixtures.collapse), initialization: .means(FailureFixtures.means))
        }
        #expect(c.description == c.error.description)
    }

    /// A collapse in the first M-step keeps the start alone: k-means++ gives the lone point a
    /// cluster of its own, whose covariance is zero (up to round-off) once EM refits it.
    @Test func collapseInTheFirstStepKeepsTheStart() throws {
        let data = try Dataset(rows: FailureFixtures.collapse)
        #expect(performing: {
            try Self.gmm.fit(data, initialization: .kMeansPlusPlus, keepingHistoryOnCollapse: true)
        }, throws: { error in
            guard let c = error as? CollapsedFit else { return false }
            return c.iteration == 1 && c.history.snapshots.count == 1 && abs(c.effectiveCount - 1) < 0.05
        })
    }
}
