import Foundation
import GMM
import Testing
import TestSupport

/// The data-driven starts and the restarts: seeded, reproducible, never worse with more runs.
@Suite("Initialisations and restarts")
struct InitializationTests {
    static let starts: [Initialization] = [.kMeans, .kMeansPlusPlus, .random, .randomFromData, .bunched, .kMeansScaled]

    /// Six overlapping blobs: enough local optima that starts and restarts matter.
    static let data: Dataset = {
        do { return try RandomData.blobs(n: 600, d: 2, k: 6, seed: 17) } catch { fatalError("\(error)") }
    }()

    /// The same seed gives the same history, bit for bit; another seed another start.
    @Test(arguments: starts)
    func sameSeedSameFit(_ start: Initialization) throws {
        for type in CovarianceType.allCases {
            func fit(_ seed: UInt64) throws -> FitHistory {
                try GaussianMixture(components: 6, covarianceType: type, options: FitOptions(maxIterations: 10, seed: seed))
                    .fit(Self.data, initialization: start).history
            }
            let a = try fit(4), b = try fit(4), c = try fit(5)
            #expect(a == b, "\(start), \(type)")
            #expect(a.snapshots[0] != c.snapshots[0], "\(start), \(type): seeds 4 and 5 gave the same start")
        }
    }

    /// `runs: 5` keeps the best of five runs whose first is the `runs: 1` fit, so it never ends
    /// lower — checked for every start, several seeds and two types.
    @Test(arguments: starts)
    func moreRunsNeverEndLower(_ start: Initialization) throws {
        for type in [CovarianceType.full, .spherical] {
            for seed: UInt64 in [0, 1, 2] {
                let one = try GaussianMixture(components: 6, covarianceType: type, options: FitOptions(seed: seed))
                    .fit(Self.data, initialization: start)
                let five = try GaussianMixture(components: 6, covarianceType: type, options: FitOptions(seed: seed, runs: 5))
                    .fit(Self.data, initialization: start)
                #expect(five.history.final.logLikelihood >= one.history.final.logLikelihood)
                #expect(five.runLogLikelihoods.count == 5)
                #expect(five.runLogLikelihoods[0] == one.history.final.logLikelihood)
                #expect(five.runLogLikelihoods[five.keptRun] == five.history.final.logLikelihood)
                #expect(five.runLogLikelihoods.allSatisfy { $0 <= five.history.final.logLikelihood })
                #expect(five.keptRun == five.runLogLikelihoods.firstIndex(of: five.runLogLikelihoods.max() ?? .nan))
            }
        }
    }

    /// Deterministic starts run once whatever `runs` is.
    @Test func explicitStartsRunOnce() throws {
        let r = try GaussianMixture(components: 2, options: FitOptions(runs: 4)).fit(Self.data, initialization: .means([[0, 0], [1, 1]]))
        #expect(r.runLogLikelihoods.count == 1 && r.keptRun == 0)
    }

    /// k-means finds three well-separated blobs from any seed: the initial means are the blob
    /// centres to within the sampling error (σ = 1, 200 points: ≈ 0.07; 0.3 allowed).
    @Test func kMeansFindsSeparatedBlobs() throws {
        let centres: [[Double]] = [[0, 0], [10, 0], [5, 9]]
        let data = try BlobGenerator.generate(means: centres, count: 200, seed: 3)
        for seed: UInt64 in 0 ..< 5 {
            let start = try GaussianMixture(components: 3, options: FitOptions(maxIterations: 0, seed: seed))
                .fit(data, initialization: .kMeans).history.snapshots[0].parameters
            for centre in centres {
                var nearest = Double.infinity
                for m in start.means {
                    let dx = m[0] - centre[0], dy = m[1] - centre[1]
                    nearest = min(nearest, (dx * dx + dy * dy).squareRoot())
                }
                #expect(nearest < 0.3, "seed \(seed): no initial mean near \(centre)")
            }
            for w in start.weights { #expect(abs(w - 1.0 / 3) < 1e-12) }
        }
    }

    /// k-means labels do not depend on the number of threads (three chunks of samples).
    @Test func kMeansIsThreadIndependent() throws {
        let data = try RandomData.blobs(n: 10_000, d: 2, k: 5, seed: 30)
        let starts = try [1, 2, 3].map { threads in
            try GaussianMixture(components: 5, options: FitOptions(maxIterations: 0, seed: 6, threads: threads))
                .fit(data, initialization: .kMeans).history.snapshots[0]
        }
        #expect(starts[0] == starts[1] && starts[0] == starts[2])
    }

    /// Random responsibilities give weights near 1/K (each is a mean of N random shares) and
    /// means near the data's centre, all inside its bounding box.
    @Test func randomStartIsNearTheCentre() throws {
        let start = try GaussianMixture(components: 4, options: FitOptions(maxIterations: 0, seed: 1))
            .fit(Self.data, initialization: .random).history.snapshots[0].parameters
        #expect(abs(start.weights.reduce(0, +) - 1) < 1e-12)
        for w in start.weights { #expect(abs(w - 0.25) < 0.05) }
        let rows = Self.data.rows
        for j in 0 ..< 2 {
            let lo = rows.map { $0[j] }.min() ?? 0, hi = rows.map { $0[j] }.max() ?? 0
            for m in start.means { #expect(m[j] > lo && m[j] < hi) }
        }
    }

    /// Duplicate points cannot seed more clusters than they have distinct values.
    @Test func tooFewDistinctPointsIsAnError() throws {
        let data = try Dataset(rows: [[1, 1], [1, 1], [1, 1], [2, 2]])
        #expect(throws: FitError.tooFewDistinctPoints(distinct: 2, components: 3)) {
            try GaussianMixture(components: 3).fit(data, initialization: .kMeans)
        }
    }

    @Test func zeroRunsIsAnError() throws {
        #expect(throws: FitError.self) { try GaussianMixture(components: 2, options: FitOptions(runs: 0)).fit(Self.data, initialization: .kMeans) }
    }
}

/// Uniform integer draws, which the seedings use to pick samples.
@Suite("Uniform draws")
struct UniformDrawTests {
    /// For n = 3·2⁶¹, 2⁶⁴ = 2⅔·n, so `next() % n` lands below n/2 with probability 9/16, not
    /// 1/2. 200,000 draws measure that probability to ±0.0011 (one standard deviation); 0.005
    /// allows four and a half of them and is twelve times smaller than the bias.
    @Test func drawsBelowALargeBoundAreUnbiased() {
        var rng = SeededGenerator(seed: 11)
        let n = 3 << 61
        var low = 0
        let draws = 200_000
        for _ in 0 ..< draws where rng.nextIndex(below: n) < n / 2 { low += 1 }
        let fraction = Double(low) / Double(draws)
        #expect(abs(fraction - 0.5) < 0.005, "fraction below n/2: \(fraction)")
    }

    /// Every value of a small range comes up, and nothing outside it: 6 values, 60,000 draws,
    /// each count within 5 standard deviations (√(60000·⅙·⅚) ≈ 91) of 10,000.
    @Test func smallRangesAreCoveredEvenly() {
        var rng = SeededGenerator(seed: 12)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0 ..< 60_000 {
            let v = rng.nextIndex(below: 6)
            #expect((0 ..< 6).contains(v))
            if (0 ..< 6).contains(v) { counts[v] += 1 }
        }
        for c in counts { #expect(abs(c - 10_000) < 455, "\(counts)") }
        #expect(rng.nextIndex(below: 1) == 0)
    }
}
