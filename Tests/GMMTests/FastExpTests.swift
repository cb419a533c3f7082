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

/// The kernels specialised for a dimension known at compile time against the kernels for any
/// dimension: the same operations in the same order, so the same bits.
@Suite("Fixed-dimension kernels")
struct FixedDimensionKernelTests {
    /// Random means, weights and covariances A·Aᵀ + I, and one block of eight random samples.
    static func block(dimension d: Int, components k: Int, seed: UInt64) throws
        -> (factors: ComponentFactors, x: UnsafeMutablePointer<SampleVector>) {
        var rng = SeededGenerator(seed: seed)
        let covariances: [[[Double]]] = (0 ..< k).map { _ in
            let a = (0 ..< d).map { _ in (0 ..< d).map { _ in rng.nextUniform() * 2 - 1 } }
            return (0 ..< d).map { i in
                (0 ..< d).map { j in (0 ..< d).reduce(i == j ? 1.0 : 0.0) { $0 + a[i][$1] * a[j][$1] } }
            }
        }
        let weights = (0 ..< k).map { _ in 0.1 + rng.nextUniform() }
        let total = weights.reduce(0, +)
        let parameters = MixtureParameters(weights: weights.map { $0 / total },
                                           means: (0 ..< k).map { _ in (0 ..< d).map { _ in rng.nextUniform() * 6 - 3 } },
                                           covariances: covariances)
        let factors = ComponentFactors(components: k, dimension: d, covarianceType: .full)
        try factors.load(parameters, iteration: 0)
        let x = UnsafeMutablePointer<SampleVector>.allocate(count: d, filledWith: SampleVector())
        for j in 0 ..< d {
            for l in 0 ..< samplesPerVector { x[j][l] = rng.nextUniform() * 10 - 5 }
        }
        return (factors, x)
    }

    static func compare<F: DensityKernel, S: StatisticsKernel>(_: F.Type, _: S.Type, dimension d: Int) throws {
        let k = 5, stride = 1 + d + d * (d + 1) / 2
        let (f, x) = try block(dimension: d, components: k, seed: UInt64(d))
        defer { f.deallocate(); x.deallocate() }
        func run<E: DensityKernel, T: StatisticsKernel>(_: E.Type, _: T.Type) -> [Double] {
            let a = UnsafeMutablePointer<SampleVector>.allocate(count: k, filledWith: SampleVector())
            let dx = UnsafeMutablePointer<SampleVector>.allocate(count: k * d, filledWith: SampleVector())
            let y = UnsafeMutablePointer<SampleVector>.allocate(count: d, filledWith: SampleVector())
            let acc = UnsafeMutablePointer<SampleVector>.allocate(count: k * stride, filledWith: SampleVector(repeating: 0.25))
            defer { a.deallocate(); dx.deallocate(); y.deallocate(); acc.deallocate() }
            E.logDensities(x, f, a, dx, y)
            // Responsibilities of any positive kind: the statistics only weight by them.
            for c in 0 ..< k { a[c] = 1 / (1 - a[c]) }
            T.accumulate(a, dx, components: k, dimension: d, acc)
            return ([a, dx, acc] as [UnsafeMutablePointer<SampleVector>]).enumerated().flatMap { i, p in
                (0 ..< [k, k * d, k * stride][i]).flatMap { j in (0 ..< samplesPerVector).map { p[j][$0] } }
            }
        }
        let fixed = run(F.self, S.self), generic = run(TriangularKernel.self, TriangleStatistics.self)
        #expect(fixed.count == generic.count)
        let differing = zip(fixed, generic).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0, "D = \(d): \(differing) of \(fixed.count) values differ in their bits")
        #expect(fixed.allSatisfy { $0.isFinite })
    }

    @Test func sameBitsAsTheGenericKernels() throws {
        try Self.compare(FixedTriangularKernel<Dimension3>.self, FixedTriangleStatistics<Dimension3>.self, dimension: 3)
        try Self.compare(FixedTriangularKernel<Dimension4>.self, FixedTriangleStatistics<Dimension4>.self, dimension: 4)
        try Self.compare(FixedTriangularKernel<Dimension5>.self, FixedTriangleStatistics<Dimension5>.self, dimension: 5)
        try Self.compare(FixedTriangularKernel<Dimension6>.self, FixedTriangleStatistics<Dimension6>.self, dimension: 6)
        try Self.compare(FixedTriangularKernel<Dimension7>.self, FixedTriangleStatistics<Dimension7>.self, dimension: 7)
        try Self.compare(FixedTriangularKernel<Dimension8>.self, FixedTriangleStatistics<Dimension8>.self, dimension: 8)
    }
}
