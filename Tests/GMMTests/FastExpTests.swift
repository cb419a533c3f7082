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

/// The fit's buffers start on cache lines, whatever the element type's own alignment.
@Suite("Workspace memory")
struct WorkspaceMemoryTests {
    /// `SIMD8<Double>` asks for 16 bytes only; the buffers of eight-lane vectors, of doubles and
    /// of one-byte flags all start on a 64-byte line, for sizes that leave malloc's usual
    /// 16-byte alignment.
    @Test func buffersStartOnCacheLines() {
        for count in [1, 3, 17, 1000, 70_000] {
            let lanes = UnsafeMutablePointer<Lanes>.allocate(count: count, filledWith: Lanes(repeating: 1))
            let doubles = UnsafeMutablePointer<Double>.allocate(count: count, filledWith: 2)
            let flags = UnsafeMutablePointer<Bool>.allocate(count: count, filledWith: true)
            #expect(UInt(bitPattern: lanes) % 64 == 0)
            #expect(UInt(bitPattern: doubles) % 64 == 0)
            #expect(UInt(bitPattern: flags) % 64 == 0)
            #expect(lanes[count - 1] == Lanes(repeating: 1) && doubles[count - 1] == 2 && flags[count - 1])
            lanes.deallocate()
            doubles.deallocate()
            flags.deallocate()
        }
    }

    /// The blocked copy of the data, which every pass reads with vector loads, is line-aligned.
    @Test func blockedDataIsLineAligned() throws {
        let data = try Dataset(values: (0 ..< 2 * 1001).map { Double($0) }, dimension: 2)
        let ws = FitWorkspace(data: data, components: 3, covarianceType: .full, threads: 2)
        #expect(UInt(bitPattern: ws.data) % 64 == 0)
        #expect(UInt(bitPattern: ws.totals) % 64 == 0)
        // Block 125 holds samples 1000 … 1007: sample 1000, then copies of it as padding.
        #expect(ws.data[125 * 2][0] == 2000 && ws.data[125 * 2 + 1][0] == 2001)
        #expect(ws.data[125 * 2][7] == 2000)
    }
}
