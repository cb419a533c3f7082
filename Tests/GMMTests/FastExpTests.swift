import Foundation
@testable import GMM
import Testing

/// The E-step's vectorisable exponential against glibc's.
@Suite("Fast exp")
struct FastExpTests {
    /// Within 2 ulp of glibc's correctly-rounded-in-practice `exp` over the whole non-positive
    /// range, including the subnormal tail handled by the fallback, and exact at 0 and −∞.
    @Test func agreesWithGlibcToTwoUlp() {
        var rng = SeededGenerator(seed: 1)
        var worst = 0.0
        for i in 0 ..< 200_000 {
            // Dense near 0, where responsibilities live, and spread down to −745.
            let x = i % 2 == 0 ? -rng.nextUniform() * 40 : -rng.nextUniform() * 745
            let fast = _gmmExpNonPositive(x), reference = Foundation.exp(x)
            if reference >= Double.leastNormalMagnitude {
                worst = max(worst, abs(fast - reference) / reference.ulp)
            } else {
                #expect(fast == reference)
            }
        }
        #expect(worst <= 2, "worst error \(worst) ulp")
        #expect(_gmmExpNonPositive(0) == 1)
        #expect(_gmmExpNonPositive(-.infinity) == 0)
        #expect(_gmmExpNonPositive(-1000) == 0)
    }
}
