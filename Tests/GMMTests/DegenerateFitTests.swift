import Foundation
import GMM
import Testing

/// Data a fit cannot describe well, one case at a time: each either fits with the regulariser
/// or fails with an error that says what to change — never NaNs, never a crash.
@Suite("Degenerate fits")
struct DegenerateFitTests {
    /// Says what a user can do about a collapsed component.
    static func isActionableCollapse(_ error: any Error) -> Bool {
        guard case .illDefinedCovariance = error as? FitError else { return false }
        let text = "\(error)"
        return text.contains("increase regCovar") && text.contains("decrease the number of components")
    }

    /// Every snapshot is finite, weights sum to 1 and covariances stay positive definite.
    static func expectSane(_ h: FitHistory) throws {
        for s in h.snapshots {
            #expect(s.logLikelihood.isFinite)
            #expect(abs(s.parameters.weights.reduce(0, +) - 1) < 1e-9)
            #expect(s.parameters.means.allSatisfy { $0.allSatisfy(\.isFinite) })
            try s.parameters.validate(components: h.components, dimension: h.dimensions)
        }
    }

    @Test func allPointsIdentical() throws {
        let data = try Dataset(rows: Array(repeating: [1.5, -2], count: 20))
        // One component: the covariance is exactly reg_covar · I (the scatter is 0).
        let h = try GaussianMixture(components: 1).fit(data, initialization: .kMeansPlusPlus).history
        try Self.expectSane(h)
        let cov = h.final.parameters.covariances[0]
        #expect(abs(cov[0][0] - 1e-6) < 1e-12 && abs(cov[1][1] - 1e-6) < 1e-12 && abs(cov[0][1]) < 1e-12)
        // Without the regulariser: the error names --reg-covar.
        #expect { try GaussianMixture(components: 1, options: FitOptions(regCovar: 0)).fit(data, initialization: .kMeansPlusPlus) }
            throws: { Self.isActionableCollapse($0) }
        // Two components on one distinct point: lower -k.
        #expect(throws: FitError.tooFewDistinctPoints(distinct: 1, components: 2)) {
            try GaussianMixture(components: 2).fit(data, initialization: .kMeansPlusPlus)
        }
    }

    @Test func collinearPoints() throws {
        let data = try Dataset(rows: (0 ..< 30).map { [Double($0), 2 * Double($0) + 1] })
        for k in [1, 2, 3] {
            let h = try GaussianMixture(components: k).fit(data, initialization: .kMeans).history
            try Self.expectSane(h)
        }
        // The scatter is singular along the line: reg_covar 0 cannot be fitted, and says so.
        #expect { try GaussianMixture(components: 1, options: FitOptions(regCovar: 0)).fit(data, initialization: .kMeans) }
            throws: { Self.isActionableCollapse($0) }
        // The diagonal and spherical types do not see the correlation and fit without help.
        for type in [CovarianceType.diag, .spherical] {
            try Self.expectSane(try GaussianMixture(components: 1, covarianceType: type, options: FitOptions(regCovar: 0))
                .fit(data, initialization: .kMeans).history)
        }
    }

    /// A component started far from every point loses all its responsibility: its weight goes
    /// to ~0 (scikit-learn's 10·ε floor keeps Nₖ > 0), its covariance to reg_covar · I.
    @Test func componentThatEmpties() throws {
        let data = try Demo.data()
        let h = try GaussianMixture(components: 2).fit(data, initialization: .means([[0, 0], [100, 100]])).history
        try Self.expectSane(h)
        #expect(h.final.parameters.weights[1] < 1e-12)
        #expect(h.final.parameters.covariances[1][0][0] < 1e-5)
        #expect { try GaussianMixture(components: 2, options: FitOptions(regCovar: 0)).fit(data, initialization: .means([[0, 0], [100, 100]])) }
            throws: { Self.isActionableCollapse($0) }
    }

    /// K = N: every component owns one point; the fit is reg_covar · I around each.
    @Test func asManyComponentsAsPoints() throws {
        let data = try Dataset(rows: [[0, 0], [5, 0], [0, 5], [5, 5]])
        let h = try GaussianMixture(components: 4).fit(data, initialization: .kMeansPlusPlus).history
        try Self.expectSane(h)
        #expect(h.final.parameters.weights.allSatisfy { abs($0 - 0.25) < 1e-9 })
        #expect(h.final.parameters.covariances.allSatisfy { abs($0[0][0] - 1e-6) < 1e-9 })
        #expect { try GaussianMixture(components: 4, options: FitOptions(regCovar: 0)).fit(data, initialization: .kMeansPlusPlus) }
            throws: { Self.isActionableCollapse($0) }
        #expect(throws: FitError.tooFewSamples(samples: 4, components: 5)) {
            try GaussianMixture(components: 5).fit(data, initialization: .kMeansPlusPlus)
        }
    }

    /// Limits that protect the machine: the history's length, K and D.
    @Test func limits() throws {
        let data = try Demo.data()
        #expect { try GaussianMixture(components: 3, options: FitOptions(maxIterations: FitOptions.maxIterationsLimit + 1))
            .fit(data, initialization: .kMeansPlusPlus) } throws: { error in
                error as? FitError == .outOfRange(.maxIterations, value: 100_001, allowed: 0 ... 100_000)
                    && "\(error)".contains("maxIterations 100001 is more than 100000")
            }
        #expect(throws: FitError.outOfRange(.components, value: 1001, allowed: 1 ... 1000)) {
            try GaussianMixture(components: GaussianMixture.maxComponents + 1).fit(data, initialization: .kMeansPlusPlus)
        }
        let wide = try Dataset(values: [Double](repeating: 1, count: 2 * 1001), dimension: 1001)
        #expect(throws: FitError.tooManyDimensions(dimension: 1001, maximum: 1000)) {
            try GaussianMixture(components: 1).fit(wide, initialization: .kMeansPlusPlus)
        }
    }
}
