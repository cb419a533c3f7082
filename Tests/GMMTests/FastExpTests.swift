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
            var x = SampleVector()
            for l in 0 ..< samplesPerVector { x[l] = -rng.nextUniform() * 708 }
            let e = expNonPositiveNormal(x)
            for l in 0 ..< samplesPerVector {
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
            var x = SampleVector()
            for l in 0 ..< samplesPerVector {
                x[l] = i % 2 == 0 ? 1 + rng.nextUniform() * 999
                    : Foundation.exp((rng.nextUniform() * 2 - 1) * 700)
            }
            let fast = logPositiveNormal(x)
            for l in 0 ..< samplesPerVector {
                let reference = Foundation.log(x[l])
                if reference != 0 { worst = max(worst, abs(fast[l] - reference) / reference.ulp) }
            }
        }
        #expect(worst <= 1, "worst error \(worst) ulp")
        var edges = SampleVector(repeating: 1024)
        for (l, v) in [1, 2, 0.5, Double.leastNormalMagnitude].enumerated() { edges[l] = v }
        let logs = logPositiveNormal(edges)
        #expect(logs[0] == 0)
        for l in 1 ..< samplesPerVector {
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
            let lanes = UnsafeMutablePointer<SampleVector>.allocate(count: count, filledWith: SampleVector(repeating: 1))
            let doubles = UnsafeMutablePointer<Double>.allocate(count: count, filledWith: 2)
            let flags = UnsafeMutablePointer<Bool>.allocate(count: count, filledWith: true)
            #expect(UInt(bitPattern: lanes) % 64 == 0)
            #expect(UInt(bitPattern: doubles) % 64 == 0)
            #expect(UInt(bitPattern: flags) % 64 == 0)
            #expect(lanes[count - 1] == SampleVector(repeating: 1) && doubles[count - 1] == 2 && flags[count - 1])
            lanes.deallocate()
            doubles.deallocate()
            flags.deallocate()
        }
    }

    /// The blocks a pass reads with vector loads are line-aligned, hold feature j of W samples
    /// in vector j, and pad the last block with copies of the last sample.
    @Test func chunkBlocksAreLineAlignedAndPadded() throws {
        let n = ChunkedWork.chunkSize + 1001
        let data = try Dataset(values: (0 ..< 2 * n).map { Double($0) }, dimension: 2)
        let ws = FitWorkspace(data: data, components: 3, covarianceType: .full, threads: 2)
        #expect(UInt(bitPattern: ws.totals) % 64 == 0)
        try data.values.withUnsafeBufferPointer { xs in
            let values = try #require(xs.baseAddress)
            let first = ws.loadBlocks(worker: 0, rows: 0 ..< ChunkedWork.chunkSize, from: values)
            #expect(UInt(bitPattern: first) % 64 == 0)
            // Block 3 of the first chunk: samples 24 … 31.
            #expect(first[3 * 2][0] == 48 && first[3 * 2 + 1][0] == 49 && first[3 * 2][7] == 62)
            // The second chunk ends inside its block 125 (samples chunkSize + 1000 …): its
            // first sample, then copies of the last sample as padding.
            let second = ws.loadBlocks(worker: 1, rows: ChunkedWork.chunkSize ..< n, from: values)
            #expect(UInt(bitPattern: second) % 64 == 0)
            let last = Double(2 * (n - 1))
            #expect(second[125 * 2][0] == last && second[125 * 2 + 1][0] == last + 1)
            #expect(second[125 * 2][7] == last)
            #expect(second[124 * 2][0] == Double(2 * (ChunkedWork.chunkSize + 992)))
        }
    }
}
