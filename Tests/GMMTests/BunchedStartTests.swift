import Foundation
import GMM
import Testing
import TestSupport

/// `.bunched`, the deliberately poor start for teaching.
@Suite("Bunched start")
struct BunchedStartTests {
    static func faithful() throws -> Dataset {
        try CSVReader.read(path: TestPaths.packageRoot.appendingPathComponent("assets/data/faithful.csv").path)
    }

    /// The initial model alone: a fit of no iterations.
    static func start(_ data: Dataset, k: Int, type: CovarianceType = .full, seed: UInt64 = 0) throws -> MixtureParameters {
        try GaussianMixture(components: k, covarianceType: type, options: FitOptions(maxIterations: 0, seed: seed))
            .fit(data, initialization: .bunched).history.snapshots[0].parameters
    }

    /// Old Faithful is the classic: 272 eruptions, two columns.
    @Test func faithfulIsTheClassicDataSet() throws {
        let data = try Self.faithful()
        #expect(data.count == 272 && data.dimension == 2)
        #expect(data.columnNames == ["eruptions", "waiting"])
        // R's datasets::faithful column means.
        let means = (0 ..< 2).map { j in (0 ..< data.count).map { Array(data[sample: $0])[j] }.reduce(0, +) / 272 }
        #expect(abs(means[0] - 3.487783) < 1e-6 && abs(means[1] - 70.89706) < 1e-5)
    }

    /// The same seed gives the same start; another seed another one.
    @Test func deterministicWithTheSeed() throws {
        let data = try Self.faithful()
        #expect(try Self.start(data, k: 2, seed: 7) == Self.start(data, k: 2, seed: 7))
        #expect(try Self.start(data, k: 2, seed: 7) != Self.start(data, k: 2, seed: 8))
    }

    /// Valid parameters of the fit's covariance structure for every K, D and type, all the
    /// means within a standard deviation or two of the corner of the smallest values.
    @Test(arguments: [1, 2, 3, 7], [1, 2, 5])
    func validForAnyKAndD(k: Int, d: Int) throws {
        let data = try RandomData.blobs(n: 120, d: d, k: 3, seed: UInt64(10 * k + d))
        for type in CovarianceType.allCases {
            let p = try Self.start(data, k: k, type: type)
            try p.validate(components: k, dimension: d)
            // Every structure at once: one diagonal matrix shared by all (tied, diag), with equal
            // entries for spherical; and the fit accepts it as a start of that type.
            #expect(p.covariances.allSatisfy { $0 == p.covariances[0] })
            for i in 0 ..< d { for j in 0 ..< d where i != j { #expect(p.covariances[0][i][j] == 0) } }
            if type == .spherical { #expect(Set((0 ..< d).map { p.covariances[0][$0][$0] }).count == 1) }
            _ = try GaussianMixture(components: k, covarianceType: type, options: FitOptions(maxIterations: 0))
                .fit(data, initialization: .parameters(p))
            for j in 0 ..< d {
                let column = (0 ..< data.count).map { Array(data[sample: $0])[j] }
                let lowest = column.min() ?? 0, mean = column.reduce(0, +) / Double(column.count)
                let sd = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)).squareRoot()
                // Broad: each covariance's diagonal is the column's variance (its average for spherical).
                if type != .spherical && type != .eii { #expect(abs(p.covariances[0][j][j] - sd * sd) <= 1e-6 * (1 + sd * sd)) }
                for m in p.means { #expect(abs(m[j] - lowest) <= 2 * sd, "mean far from the corner") }
            }
        }
    }

    /// On Old Faithful with K = 2 the poor start takes clearly more iterations than k-means++
    /// — at least twice as many, on several seeds — and still reaches the same optimum: the
    /// final mean log-likelihoods agree within 1e-4, ten times the default tolerance's scale
    /// (EM stops once a step gains less than 1e-3, so two runs that approach the same maximum
    /// from different sides stop within a few 1e-5 of it).
    @Test(arguments: [0, 1, 2] as [UInt64])
    func slowerOnFaithfulToTheSameOptimum(seed: UInt64) throws {
        let data = try Self.faithful()
        let gmm = GaussianMixture(components: 2, options: FitOptions(seed: seed))
        let poor = try gmm.fit(data, initialization: .bunched).history
        let good = try gmm.fit(data, initialization: .kMeansPlusPlus).history
        #expect(poor.converged && good.converged)
        #expect(poor.iterations >= 2 * good.iterations && poor.iterations >= 10,
                "bunched \(poor.iterations) vs k-means++ \(good.iterations) iterations")
        #expect(abs(poor.final.logLikelihood - good.final.logLikelihood) < 1e-4)
        // The same two clusters: the short and the long eruptions, whichever order.
        let shortFirst = poor.final.parameters.means.sorted { $0[0] < $1[0] }
        let reference = good.final.parameters.means.sorted { $0[0] < $1[0] }
        for (a, b) in zip(shortFirst, reference) { #expect(abs(a[0] - b[0]) < 0.02 && abs(a[1] - b[1]) < 0.2) }
    }
}
