import Foundation
@testable import GMM
import Testing
import TestSupport

/// mclust's models beyond scikit-learn's four: names, the constraints every fitted matrix obeys
/// (checked from the matrices themselves, by eigen-decomposition), EM's monotone likelihood,
/// and the history file.
@Suite("Covariance models")
struct CovarianceModelTests {
    static let data: Dataset = {
        do { return try RandomData.blobs(n: 600, d: 3, k: 3, seed: 5) } catch { fatalError("\(error)") }
    }()

    @Test func namesAndAliases() {
        #expect(Set(CovarianceType.mclust) == Set(CovarianceType.allCases) && CovarianceType.mclust.count == 14)
        #expect(CovarianceType.mclust.map(\.mclustName) == ["EII", "VII", "EEI", "VEI", "EVI", "VVI", "EEE", "VEE", "EVE",
                                                            "VVE", "EEV", "VEV", "EVV", "VVV"])
        for type in CovarianceType.allCases {
            #expect(CovarianceType(name: type.mclustName) == type)
            #expect(CovarianceType(name: type.mclustName.lowercased()) == type)
            #expect(CovarianceType(name: type.rawValue) == type)
        }
        #expect(CovarianceType(name: "vvv") == .full && CovarianceType(name: "EEE") == .tied)
        #expect(CovarianceType(name: "VVI") == .diag && CovarianceType(name: "Vii") == .spherical)
        #expect(CovarianceType(name: "banded") == nil && CovarianceType(name: "VVX") == nil)
    }

    /// Volume |Σ|^{1/D}, shape (eigenvalues / volume, decreasing) and orientation (eigenvectors).
    static func decompose(_ m: [[Double]]) -> (volume: Double, shape: [Double], axes: [Double]) {
        let d = m.count
        let e = SymmetricEigen.decreasing(m.flatMap { $0 }, dimension: d)
        let volume = exp(e.values.map { log($0) }.reduce(0, +) / Double(d))
        return (volume, e.values.map { $0 / volume }, e.vectors)
    }

    /// How well two sets of axes coincide: for each eigenvector of `a` the largest |cos| with
    /// any eigenvector of `b` (a varying shape orders a shared set of axes differently), the
    /// smallest of those.
    static func alignment(_ a: [Double], _ b: [Double], _ d: Int) -> Double {
        (0 ..< d).map { k in
            (0 ..< d).map { m in abs((0 ..< d).reduce(0.0) { $0 + a[$1 * d + k] * b[$1 * d + m] }) }.max() ?? 0
        }.min() ?? 0
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }

    /// Each model's fitted matrices obey its constraints: E volume, E shape, E orientation
    /// equal across components (volumes and shapes to 1e-9 relative, eigenvectors to 1e-6 in
    /// |cos| — they are the decomposition's, less accurate than the eigenvalues), I shape and
    /// orientation the identity's.
    @Test(arguments: CovarianceType.allCases)
    func fittedMatricesObeyTheModel(_ type: CovarianceType) throws {
        let result = try GaussianMixture(components: 3, covarianceType: type, options: FitOptions(tolerance: 1e-8, seed: 2))
            .fit(Self.data, initialization: .kMeans)
        let covariances = result.history.final.parameters.covariances
        let parts = covariances.map(Self.decompose)
        let letters = Array(type.mclustName)
        let d = 3
        for p in parts {
            if letters[0] == "E" { #expect(Self.close(p.volume, parts[0].volume), "\(type) volume") }
            if letters[1] == "E" { for j in 0 ..< d { #expect(Self.close(p.shape[j], parts[0].shape[j]), "\(type) shape") } }
            if letters[1] == "I" { for j in 0 ..< d { #expect(Self.close(p.shape[j], 1), "\(type) shape I") } }
            if letters[2] == "E" && letters[1] != "I" { #expect(Self.alignment(p.axes, parts[0].axes, d) > 1 - 1e-6, "\(type) orientation") }
        }
        if letters[2] == "I" {
            for m in covariances { for i in 0 ..< d { for j in 0 ..< d where i != j { #expect(m[i][j] == 0, "\(type) diagonal") } } }
        }
        #expect(result.model.numberOfParameters == type.numberOfParameters(components: 3, dimension: d))
    }

    /// EM never lowers the likelihood with any model (1e-10 relative: the iterative M-steps are
    /// exact to their inner tolerance √ε on volumes and shapes, which moves the likelihood by far
    /// less), and the history reads back.
    @Test(arguments: CovarianceType.allCases)
    func monotoneLikelihoodAndHistory(_ type: CovarianceType) throws {
        let result = try GaussianMixture(components: 3, covarianceType: type, options: FitOptions(maxIterations: 40, tolerance: 0, seed: 2))
            .fit(Self.data, initialization: .kMeansPlusPlus)
        let ll = result.history.snapshots.map(\.logLikelihood)
        for i in 1 ..< ll.count { #expect(ll[i] >= ll[i - 1] - 1e-10 * abs(ll[i - 1]), "\(type) iteration \(i)") }
        let text = result.history.jsonText()
        #expect(text.contains("\"covariance_type\": \"\(type.rawValue)\""))
        #expect(try FitHistory(json: Data(text.utf8), source: "h.json") == result.history)
    }

    /// A history whose covariances lack its model's exact structure is refused, naming the
    /// snapshot; mclust's names of scikit-learn's types are read as those types.
    @Test func historyStructureIsChecked() throws {
        let data = try RandomData.blobs(n: 150, d: 2, k: 2, seed: 4)
        let history = try GaussianMixture(components: 2, covarianceType: .eei).fit(data, initialization: .kMeans).history
        let text = history.jsonText()
        let full = try GaussianMixture(components: 2, covarianceType: .full).fit(data, initialization: .kMeans).history.jsonText()
        // A full fit's matrices labelled EEI: neither diagonal nor shared.
        let relabelled = full.replacingOccurrences(of: "\"covariance_type\": \"full\"", with: "\"covariance_type\": \"EEI\"")
        do {
            _ = try FitHistory(json: Data(relabelled.utf8), source: "h.json")
            Issue.record("full covariances were accepted as EEI")
        } catch {
            #expect("\(error)".contains("snapshot 0") && "\(error)".contains("EEI"), "\(error)")
        }
        #expect(try FitHistory(json: Data(text.utf8), source: "h.json").covarianceType == .eei)
        let alias = full.replacingOccurrences(of: "\"covariance_type\": \"full\"", with: "\"covariance_type\": \"VVV\"")
        #expect(try FitHistory(json: Data(alias.utf8), source: "h.json").covarianceType == .full)
    }

    /// The polar factor Q of F (EVE's and VVE's orientation step) is orthogonal and QᵀF is
    /// symmetric positive semidefinite — the two properties that define it — for a general F,
    /// a singular one (where it is not unique) and zero (the identity, as LAPACK's SVD gives).
    @Test func polarFactorIsOrthogonalWithSymmetricRemainder() throws {
        let d = 4
        var rng = SeededGenerator(seed: 7)
        let general = (0 ..< d * d).map { _ in rng.nextNormal() }
        var singular = general
        for i in 0 ..< d { singular[i * d + 3] = singular[i * d + 0] + 2 * singular[i * d + 1] }
        for f in [general, singular] {
            let q = try #require(PolarFactor.orthogonal(f, dimension: d))
            func product(_ a: [Double], transposeA: Bool, _ b: [Double]) -> [Double] {
                (0 ..< d * d).map { ij in
                    let i = ij / d, j = ij % d
                    return (0 ..< d).reduce(0.0) { $0 + (transposeA ? a[$1 * d + i] : a[i * d + $1]) * b[$1 * d + j] }
                }
            }
            let qtq = product(q, transposeA: true, q)
            for i in 0 ..< d { for j in 0 ..< d { #expect(abs(qtq[i * d + j] - (i == j ? 1 : 0)) < 1e-12) } }
            let h = product(q, transposeA: true, f)
            for i in 0 ..< d { for j in 0 ..< d { #expect(abs(h[i * d + j] - h[j * d + i]) < 1e-12) } }
            #expect(SymmetricEigen.decreasing(h, dimension: d).values.allSatisfy { $0 > -1e-12 })
        }
        let zero = try #require(PolarFactor.orthogonal([Double](repeating: 0, count: d * d), dimension: d))
        #expect(zero == (0 ..< d * d).map { $0 / d == $0 % d ? 1 : 0 })
    }
}
