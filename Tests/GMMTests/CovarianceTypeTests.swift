import Foundation
import GMM
import Testing
import TestSupport

/// The covariance types beyond scikit-learn parity: structure, invariants, thread independence,
/// parameter counts, criteria and the history file.
@Suite("Covariance types")
struct CovarianceTypeTests {
    static let data: Dataset = {
        do { return try RandomData.blobs(n: 9000, d: 3, k: 4, seed: 21) } catch { fatalError("\(error)") }
    }()

    /// Every snapshot's covariances have the type's structure: diagonal for diag, σ²·I for
    /// spherical, one matrix for tied — exactly, since the M-step writes exact zeros and copies.
    /// And the log-likelihood never decreases (1e-12 relative, as for full).
    @Test(arguments: CovarianceType.allCases)
    func structureAndMonotoneLikelihood(_ type: CovarianceType) throws {
        let data = try RandomData.blobs(n: 600, d: 3, k: 3, seed: 5)
        let result = try GaussianMixture(components: 3, covarianceType: type, options: FitOptions(maxIterations: 40, tolerance: 0, seed: 2))
            .fit(data, initialization: .kMeansPlusPlus)
        let ll = result.history.snapshots.map(\.logLikelihood)
        for i in 1 ..< ll.count { #expect(ll[i] >= ll[i - 1] - 1e-12 * abs(ll[i - 1]), "\(type) iteration \(i)") }
        for snapshot in result.history.snapshots {
            let covs = snapshot.parameters.covariances
            for cov in covs {
                #expect(InvariantTests.isPositiveDefinite(cov))
                for a in 0 ..< 3 {
                    for b in 0 ..< 3 where a != b {
                        #expect(cov[a][b] == cov[b][a])
                        if type == .diag || type == .spherical { #expect(cov[a][b] == 0) }
                    }
                }
                if type == .spherical { #expect(cov[0][0] == cov[1][1] && cov[1][1] == cov[2][2]) }
            }
            if type == .tied { #expect(covs.allSatisfy { $0 == covs[0] }) }
        }
        #expect(result.history.covarianceType == type)
    }

    /// The same bits on 1, 2 and 3 threads for every type and every random start (9,000 samples
    /// span three chunks).
    @Test(arguments: CovarianceType.allCases)
    func identicalBitsOnAnyNumberOfThreads(_ type: CovarianceType) throws {
        for start in [Initialization.kMeans, .random] {
            let runs = try [1, 2, 3].map { threads in
                try GaussianMixture(components: 4, covarianceType: type,
                                    options: FitOptions(maxIterations: 15, tolerance: 0, seed: 3, threads: threads))
                    .fit(Self.data, initialization: start).history
            }
            #expect(runs[0] == runs[1], "\(type), \(start)")
            #expect(runs[0] == runs[2], "\(type), \(start)")
        }
    }

    /// scikit-learn's `_n_parameters`, by hand for K = 3, D = 2: means 6, weights 2, and
    /// covariances 9 (full), 3 (tied), 6 (diag), 3 (spherical).
    @Test func parameterCounts() throws {
        let expected: [CovarianceType: Int] = [.full: 17, .tied: 11, .diag: 14, .spherical: 11]
        for (type, count) in expected {
            #expect(type.numberOfParameters(components: 3, dimension: 2) == count, "\(type)")
            let model = try MixtureModel(MixtureParameters(means: [[0, 0], [1, 1], [2, 0]]), covarianceType: type)
            #expect(model.numberOfParameters == count)
        }
    }

    /// BIC = −2·N·score + p·ln N and AIC = −2·N·score + 2p, exactly as written.
    @Test func criteriaFollowTheirDefinitions() throws {
        let data = try RandomData.blobs(n: 200, d: 2, k: 2, seed: 9)
        let model = try GaussianMixture(components: 2, covarianceType: .diag).fit(data, initialization: .kMeans).model
        let n = Double(data.count), score = try model.score(data), p = Double(model.numberOfParameters)
        #expect(try model.bic(data) == -2 * score * n + p * Foundation.log(n))
        #expect(try model.aic(data) == -2 * score * n + 2 * p)
        #expect(p == 9)
    }

    /// A model whose covariances lack the type's structure is rejected with the reason.
    @Test func structureIsChecked() throws {
        let correlated = MixtureParameters(weights: [1], means: [[0, 0]], covariances: [[[1, 0.5], [0.5, 1]]])
        let uneven = MixtureParameters(weights: [1], means: [[0, 0]], covariances: [[[1, 0], [0, 2]]])
        let two = MixtureParameters(weights: [0.5, 0.5], means: [[0, 0], [1, 1]], covariances: [[[1, 0], [0, 1]], [[2, 0], [0, 2]]])
        for (p, type, fragment) in [(correlated, CovarianceType.diag, "off-diagonal"), (uneven, .spherical, "one variance"),
                                    (two, .tied, "differs from covariance 1")] {
            do {
                _ = try MixtureModel(p, covarianceType: type)
                Issue.record("\(type) accepted \(p)")
            } catch {
                #expect("\(error)".contains(fragment), "\(error)")
            }
        }
        #expect(throws: FitError.self) {
            try GaussianMixture(components: 1, covarianceType: .diag).fit(try Dataset(rows: [[0, 0], [1, 1], [2, 0]]),
                                                                          initialization: .parameters(correlated))
        }
    }

    /// The history names its type and reads back; an unknown type is an error naming it.
    @Test(arguments: CovarianceType.allCases)
    func historyRoundTrips(_ type: CovarianceType) throws {
        let data = try RandomData.blobs(n: 150, d: 2, k: 2, seed: 4)
        let history = try GaussianMixture(components: 2, covarianceType: type).fit(data, initialization: .kMeans).history
        let text = history.jsonText()
        #expect(text.contains("\"covariance_type\": \"\(type)\""))
        #expect(try FitHistory(json: Data(text.utf8), source: "h.json") == history)
        let bad = text.replacingOccurrences(of: "\"covariance_type\": \"\(type)\"", with: "\"covariance_type\": \"banded\"")
        do {
            _ = try FitHistory(json: Data(bad.utf8), source: "h.json")
            Issue.record("an unknown covariance type was accepted")
        } catch {
            #expect("\(error)".contains("banded") && "\(error)".contains("h.json"), "\(error)")
        }
    }

    /// In one dimension diag and spherical are the same model as full.
    @Test func oneDimensionalDiagAndSphericalEqualFull() throws {
        let data = try RandomData.blobs(n: 300, d: 1, k: 2, seed: 8)
        let fits = try [CovarianceType.full, .diag, .spherical].map {
            try GaussianMixture(components: 2, covarianceType: $0, options: FitOptions(seed: 1)).fit(data, initialization: .kMeans).history.final
        }
        for other in fits.dropFirst() {
            #expect(Numerics.relativeError(Numerics.flat(other.parameters.covariances), Numerics.flat(fits[0].parameters.covariances)) < 1e-12)
            #expect(Numerics.relativeError(other.logLikelihood, fits[0].logLikelihood) < 1e-12)
        }
    }
}
