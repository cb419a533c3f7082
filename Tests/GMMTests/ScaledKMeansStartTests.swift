import Foundation
import GMM
import Testing
import TestSupport

/// k-means on standardised columns: reproducible, valid, and blind to the columns' units.
@Suite("k-means on standardised columns")
struct ScaledKMeansStartTests {
    /// Three blobs in 2-D with the second column in units 1000 times smaller (so 1000 times
    /// larger numbers): plain k-means sees only that column.
    static func blobs(scale: Double) throws -> Dataset {
        let base = try BlobGenerator.generate(means: [[0, 0], [6, 0], [3, 5]], count: 120, seed: 9)
        var values = base.values
        for i in 0 ..< base.count { values[i * 2 + 1] *= scale }
        return try Dataset(values: values, dimension: 2)
    }

    static func start(_ data: Dataset, seed: UInt64, type: CovarianceType = .full) throws -> MixtureParameters {
        try GaussianMixture(components: 3, covarianceType: type, options: FitOptions(maxIterations: 0, seed: seed))
            .fit(data, initialization: .kMeansScaled).history.snapshots[0].parameters
    }

    /// The same seed gives the same start bit for bit, and the start is a valid model of every
    /// covariance type (weights sum to 1, covariances symmetric positive definite).
    @Test func deterministicAndValid() throws {
        let data = try Self.blobs(scale: 1000)
        for type in CovarianceType.allCases {
            let a = try Self.start(data, seed: 7, type: type), b = try Self.start(data, seed: 7, type: type)
            #expect(a == b, "\(type)")
            try a.validate(components: 3, dimension: 2)
        }
    }

    /// Rescaling a column rescales the start and nothing else: the weights (the partition's
    /// sizes) are the same and the means scale with the column, to rounding (1e-9 relative:
    /// the z-scores of the two data sets differ in their last bits only).
    @Test func invariantToColumnUnits() throws {
        let small = try Self.start(Self.blobs(scale: 1), seed: 3)
        let large = try Self.start(Self.blobs(scale: 1000), seed: 3)
        let order = { (p: MixtureParameters) in p.means.indices.sorted { p.means[$0][0] < p.means[$1][0] } }
        for (i, j) in zip(order(small), order(large)) {
            #expect(small.weights[i] == large.weights[j])
            #expect(abs(small.means[i][0] - large.means[j][0]) <= 1e-9 * max(1, abs(small.means[i][0])))
            #expect(abs(small.means[i][1] * 1000 - large.means[j][1]) <= 1e-9 * max(1, abs(large.means[j][1])))
        }
        // The three blobs are found: each holds a third of the points.
        #expect(small.weights.allSatisfy { abs($0 - 1.0 / 3) < 0.02 }, "\(small.weights)")
    }
}
