/// Eight samples processed together: one SIMD vector holds one feature of `SampleVector.scalarCount`
/// consecutive samples.
///
/// The EM's work per sample is the same straight-line arithmetic for every sample, so it
/// vectorises across samples without shuffles: the D features of a block are D vectors, and every
/// operation of the scalar algorithm becomes one vector operation. Vectorising across the K
/// components instead would need horizontal reductions (the log-sum-exp over K) and wastes lanes
/// when K is not a multiple of the width. Eight doubles are one AVX-512 register, two AVX or
/// four SSE2 registers (a baseline x86-64 build has SSE2): on this baseline, eight lanes ran
/// the D = 2 full E-step about 10 % faster than four, as each loaded parameter and each
/// accumulator update then serves eight samples.
typealias SampleVector = SIMD8<Double>

/// The integer view of ``SampleVector``, for the exponent-field arithmetic of exp and log.
typealias SampleVectorBits = SIMD8<Int64>

/// Samples per block.
let samplesPerVector = SampleVector.scalarCount

extension SampleVector {
    /// The sum of the lanes in a fixed pairwise order, so that a reduction gives the
    /// same bits whichever thread performs it.
    @inline(__always)
    var laneSum: Double { ((self[0] + self[1]) + (self[2] + self[3])) + ((self[4] + self[5]) + (self[6] + self[7])) }

    /// The raw bits of every lane.
    @inline(__always)
    var bits: SampleVectorBits { unsafeBitCast(self, to: SampleVectorBits.self) }

    /// SampleVector from raw bits.
    @inline(__always)
    init(bits: SampleVectorBits) { self = unsafeBitCast(bits, to: SampleVector.self) }

    /// 1 in the first `count` lanes and 0 in the others.
    static func firstLanes(_ count: Int) -> SampleVector {
        var m = SampleVector(repeating: 0)
        for l in 0 ..< Swift.min(count, samplesPerVector) { m[l] = 1 }
        return m
    }
}
