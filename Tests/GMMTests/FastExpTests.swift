import Foundation
@testable import GMM
import Testing

/// The E-step's vectorisable exponential and logarithm against glibc's.
@Suite("Fast exp and log")
struct FastExpTests {
    /// Within 2 ulp of glibc's correctly-rounded-in-practice `exp` over the whole non-positive
    /// range, including the subnormal tail handled by the fallback, and exact at 0 and −∞.
    @Test func agreesWithGlibcToTwoUlp() {
        var rng = SeededGenerator(seed: 1)
        var worst = 0.0
        for i in 0 ..< 200_000 {
            // Dense near 0, where responsibilities live, and spread down to −745.
            let x = i % 2 == 0 ? -rng.nextUniform() * 40 : -rng.nextUniform() * 745
            let fast = expNonPositive(x), reference = Foundation.exp(x)
            if reference >= Double.leastNormalMagnitude {
                worst = max(worst, abs(fast - reference) / reference.ulp)
            } else {
                #expect(fast == reference)
            }
        }
        #expect(worst <= 2, "worst error \(worst) ulp")
        #expect(expNonPositive(0) == 1)
        #expect(expNonPositive(-.infinity) == 0)
        #expect(expNonPositive(-1000) == 0)
    }

    /// The vector exponential gives every lane the scalar one's bits: the E-step's results do not
    /// depend on which lane, or which block, a sample falls in.
    @Test func vectorExpMatchesScalarBits() {
        var rng = SeededGenerator(seed: 2)
        for _ in 0 ..< 50_000 {
            var x = Lanes()
            for l in 0 ..< laneCount { x[l] = -rng.nextUniform() * 708 }
            let e = expNonPositiveNormal(x)
            for l in 0 ..< laneCount {
                #expect(e[l].bitPattern == expNonPositiveNormal(x[l]).bitPattern, "x = \(x[l])")
            }
        }
    }

    /// fdlibm's bound: within 1 ulp of glibc's `log`, on [1, 1000] (the E-step's sums of K
    /// exponentials, the largest of which is 1) and across the whole normal range; exact at 1
    /// and at powers of two up to the rounding of k·ln 2.
    @Test func vectorLogWithinOneUlp() {
        var rng = SeededGenerator(seed: 3)
        var worst = 0.0
        for i in 0 ..< 100_000 {
            var x = Lanes()
            for l in 0 ..< laneCount {
                x[l] = i % 2 == 0 ? 1 + rng.nextUniform() * 999
                    : Foundation.exp((rng.nextUniform() * 2 - 1) * 700)
            }
            let fast = logPositiveNormal(x)
            for l in 0 ..< laneCount {
                let reference = Foundation.log(x[l])
                if reference != 0 { worst = max(worst, abs(fast[l] - reference) / reference.ulp) }
            }
        }
        #expect(worst <= 1, "worst error \(worst) ulp")
        var edges = Lanes(repeating: 1024)
        for (l, v) in [1, 2, 0.5, Double.leastNormalMagnitude].enumerated() { edges[l] = v }
        let logs = logPositiveNormal(edges)
        #expect(logs[0] == 0)
        for l in 1 ..< laneCount {
            #expect(abs(logs[l] - Foundation.log(edges[l])) <= Foundation.log(edges[l]).ulp)
        }
    }
}
