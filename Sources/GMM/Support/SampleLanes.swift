/// A block of samples processed together: one SIMD vector holds one feature of `Lanes.scalarCount`
/// consecutive samples.
///
/// The EM's work per sample is the same straight-line arithmetic for every sample, so it
/// vectorises across samples without shuffles: the D features of a block are D vectors, and every
/// operation of the scalar algorithm becomes one vector operation. Vectorising across the K
/// components instead would need horizontal reductions (the log-sum-exp over K) and wastes lanes
/// when K is not a multiple of the width. Four doubles fill an AVX register and two SSE2
/// registers, which is what a baseline x86-64 build has.
typealias Lanes = SIMD4<Double>

/// The integer view of ``Lanes``, for the exponent-field arithmetic of exp and log.
typealias LaneBits = SIMD4<Int64>

/// Samples per block.
let laneCount = Lanes.scalarCount

extension Lanes {
    /// The sum of the lanes in a fixed order, (l₀ + l₁) + (l₂ + l₃), so that a reduction gives the
    /// same bits whichever thread performs it.
    @inline(__always)
    var laneSum: Double { (self[0] + self[1]) + (self[2] + self[3]) }

    /// The raw bits of every lane.
    @inline(__always)
    var bits: LaneBits { unsafeBitCast(self, to: LaneBits.self) }

    /// Lanes from raw bits.
    @inline(__always)
    init(bits: LaneBits) { self = unsafeBitCast(bits, to: Lanes.self) }

    /// 1 in the first `count` lanes and 0 in the others.
    static func firstLanes(_ count: Int) -> Lanes {
        var m = Lanes(repeating: 0)
        for l in 0 ..< Swift.min(count, laneCount) { m[l] = 1 }
        return m
    }
}
