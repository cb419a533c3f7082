import Foundation
import GMM
import Testing
import TestSupport

/// Properties every EM run must have, on random data of several shapes.
@Suite("EM invariants")
struct InvariantTests {
    static let shapes: [(n: Int, d: Int, k: Int, seed: UInt64)] = [
        (200, 1, 2, 1), (300, 2, 3, 2), (500, 2, 5, 3), (250, 5, 4, 4), (9000, 3, 3, 5),
    ]

    /// EM never lowers the likelihood: each snapshot's mean log-likelihood is at least the
    /// previous one, up to round-off (1e-12 relative to its magnitude, far above the ~1e-15
    /// error of a sum of N logarithms and far below any real decrease).
    @Test(arguments: 0 ..< shapes.count)
    func logLikelihoodNeverDecreases(_ index: Int) throws {
        let s = Self.shapes[index]
        let data = try RandomData.blobs(n: s.n, d: s.d, k: s.k, seed: s.seed)
        let result = try GaussianMixture(components: s.k, options: FitOptions(maxIterations: 60, tolerance: 0, seed: s.seed))
            .fit(data, initialization: .kMeansPlusPlus)
        let ll = result.history.snapshots.map(\.logLikelihood)
        for i in 1 ..< ll.count {
            #expect(ll[i] >= ll[i - 1] - 1e-12 * abs(ll[i - 1]), "iteration \(i): \(ll[i - 1]) → \(ll[i])")
        }
    }

    /// Weights sum to 1 and are positive; covariances are symmetric positive definite;
    /// responsibilities are in [0, 1] and sum to 1 per sample — at every snapshot.
    @Test(arguments: 0 ..< shapes.count)
    func parametersStayValid(_ index: Int) throws {
        let s = Self.shapes[index]
        let data = try RandomData.blobs(n: s.n, d: s.d, k: s.k, seed: s.seed)
        let result = try GaussianMixture(components: s.k, options: FitOptions(maxIterations: 30, tolerance: 0, seed: s.seed))
            .fit(data, initialization: .randomFromData)
        for snapshot in result.history.snapshots {
            let p = snapshot.parameters
            #expect(abs(p.weights.reduce(0, +) - 1) < 1e-12)
            #expect(p.weights.allSatisfy { $0 > 0 })
            for cov in p.covariances {
                for a in 0 ..< s.d { for b in 0 ..< s.d { #expect(cov[a][b] == cov[b][a]) } }
                #expect(Self.isPositiveDefinite(cov))
            }
            let r = try responsibilities(of: data, under: p)
            for i in 0 ..< data.count {
                let row = Array(r[(i * s.k) ..< ((i + 1) * s.k)])
                let inRange = row.allSatisfy { $0 >= 0 && $0 <= 1 }
                let total = row.reduce(0, +)
                #expect(inRange)
                #expect(abs(total - 1) < 1e-12)
            }
        }
    }

    /// The same inputs give the same bits on 1, 2 and 3 threads (9,000 samples span three
    /// chunks, so the reduction order is really exercised).
    @Test func identicalBitsOnAnyNumberOfThreads() throws {
        let data = try RandomData.blobs(n: 9000, d: 2, k: 4, seed: 11)
        let runs = try [1, 2, 3].map { threads in
            try GaussianMixture(components: 4, options: FitOptions(maxIterations: 25, tolerance: 0, seed: 3, threads: threads))
                .fit(data, initialization: .kMeansPlusPlus).history
        }
        #expect(runs[0] == runs[1])
        #expect(runs[0] == runs[2])
        #expect(runs[0].jsonText() == runs[2].jsonText())
    }

    /// A point a thousand standard deviations from every component keeps finite responsibilities
    /// (the plain pdf underflows to 0/0 there).
    @Test func farPointsDoNotUnderflow() throws {
        let data = try Dataset(rows: [[0, 0], [1, 0], [0, 1], [1e3, -1e3]])
        let p = MixtureParameters(means: [[0, 0], [1, 1]])
        let r = try responsibilities(of: data, under: p)
        let allFinite = r.allSatisfy { $0.isFinite }
        #expect(allFinite)
        #expect(abs(r[6] + r[7] - 1) < 1e-12)
        let ll = try MixtureModel(p).scoreSamples(data)
        #expect(ll[3] < -4e5 && ll[3].isFinite)
    }

    static func isPositiveDefinite(_ m: [[Double]]) -> Bool {
        let d = m.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for j in 0 ..< d {
            var s = m[j][j]
            for t in 0 ..< j { s -= l[j][t] * l[j][t] }
            guard s > 0 else { return false }
            l[j][j] = s.squareRoot()
            for i in (j + 1) ..< d {
                var v = m[i][j]
                for t in 0 ..< j { v -= l[i][t] * l[j][t] }
                l[i][j] = v / l[j][j]
            }
        }
        return true
    }
}

/// The model API: scores against closed forms, labels, validation.
@Suite("Mixture model API")
struct ModelTests {
    /// One standard normal in 2-D: log p(0) = −log 2π, log p((1, 0)) = −log 2π − ½.
    @Test func scoreSamplesMatchesTheClosedForm() throws {
        let model = try MixtureModel(MixtureParameters(means: [[0, 0]]))
        let data = try Dataset(rows: [[0, 0], [1, 0], [3, 4]])
        let ll = try model.scoreSamples(data)
        let c = -Foundation.log(2 * Double.pi)
        #expect(abs(ll[0] - c) < 1e-14)
        #expect(abs(ll[1] - (c - 0.5)) < 1e-14)
        #expect(abs(ll[2] - (c - 12.5)) < 1e-13)
        #expect(abs(try model.score(data) - (3 * c - 13) / 3) < 1e-14)
    }

    /// A correlated covariance: log N(x | 0, Σ) = −log 2π − ½ log|Σ| − ½ xᵀΣ⁻¹x, with Σ⁻¹ by hand.
    @Test func correlatedDensityMatchesTheClosedForm() throws {
        let sigma = [[2.0, 0.6], [0.6, 1.0]]
        let det = 2.0 - 0.36
        let x = [0.7, -1.3]
        let quad = (1.0 * x[0] * x[0] - 2 * 0.6 * x[0] * x[1] + 2.0 * x[1] * x[1]) / det
        let expected = -Foundation.log(2 * Double.pi) - 0.5 * Foundation.log(det) - 0.5 * quad
        let model = try MixtureModel(MixtureParameters(weights: [1], means: [[0, 0]], covariances: [sigma]))
        let ll = try model.scoreSamples(try Dataset(rows: [x]))
        #expect(abs(ll[0] - expected) < 1e-14)
    }

    @Test func predictPicksTheNearestComponent() throws {
        let model = try MixtureModel(MixtureParameters(means: [[-5, 0], [5, 0], [0, 8]]))
        #expect(try model.predict(try Dataset(rows: [[-4, 1], [6, -1], [0, 9], [0.1, 0]])) == [0, 1, 2, 1])
    }

    @Test func invalidParametersAreRejected() throws {
        let bad: [(MixtureParameters, String)] = [
            (MixtureParameters(weights: [0.5, 0.6], means: [[0], [1]], covariances: [[[1]], [[1]]]), "sum to"),
            (MixtureParameters(weights: [-0.5, 1.5], means: [[0], [1]], covariances: [[[1]], [[1]]]), "positive"),
            (MixtureParameters(weights: [1], means: [[0]], covariances: [[[-1]]]), "positive definite"),
            (MixtureParameters(weights: [1], means: [[0, 0]], covariances: [[[1, 2], [2, 1]]]), "positive definite"),
            (MixtureParameters(weights: [1], means: [[0, 0]], covariances: [[[1, 0.5], [0, 1]]]), "symmetric"),
        ]
        for (p, message) in bad {
            #expect(throws: FitError.self) { try MixtureModel(p) }
            do { _ = try MixtureModel(p) } catch { #expect("\(error)".contains(message), "\(error)") }
        }
    }

    @Test func dimensionMismatchIsAnError() throws {
        let model = try MixtureModel(MixtureParameters(means: [[0, 0]]))
        #expect(throws: DataError.self) { try model.score(try Dataset(rows: [[1, 2, 3]])) }
    }
}
