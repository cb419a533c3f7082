import Foundation

/// eˣ for x ≤ 0, on every lane: the E-step takes one per sample and component.
///
/// The E-step spends most of its time in K exponentials per sample; glibc's `exp` is an opaque
/// call per value. This is the textbook method, branch-free and written so the compiler keeps it
/// in vector registers: x = n·ln 2 + r with n = round(x / ln 2) and |r| ≤ ½ ln 2 (Cody–Waite:
/// ln 2 split into a high part with trailing zero bits and a low correction, so n·ln2Hi is
/// exact), eʳ by its Taylor series to degree 13 — the truncation error r¹⁴/14! < 5e-18 is below
/// half an ulp of eʳ ∈ [0.7, 1.42] — and 2ⁿ placed in the exponent bits. The result is within
/// 2 ulp of the correctly rounded value (checked against glibc in the tests), which moves
/// responsibilities by ~1e-16 relative: far below the 1e-8 agreement with scikit-learn the tests
/// demand.
///
/// Every lane goes through the same operations in the same order (Swift does not contract
/// a·b + c into a fused multiply-add), so a lane's result depends on its argument only, not on
/// its neighbours, and a build for any x86-64 level gives the same bits.
///
/// For x < −708 (where 2ⁿ would be subnormal) the caller must use `Foundation.exp`; such
/// values are below 1e-307 and rare. Below ``expZeroCeiling`` eˣ rounds to 0.
@inline(__always)
func expNonPositiveNormal(_ x: SampleVector) -> SampleVector {
    let t = x * ExpConstants.log2e + ExpConstants.shifter
    let n = t - ExpConstants.shifter
    let r = (x - n * ExpConstants.ln2Hi) - n * ExpConstants.ln2Lo
    var p = SampleVector(repeating: 1.0 / 6227020800.0)
    p = p * r + 1.0 / 479001600.0
    p = p * r + 1.0 / 39916800.0
    p = p * r + 1.0 / 3628800.0
    p = p * r + 1.0 / 362880.0
    p = p * r + 1.0 / 40320.0
    p = p * r + 1.0 / 5040.0
    p = p * r + 1.0 / 720.0
    p = p * r + 1.0 / 120.0
    p = p * r + 1.0 / 24.0
    p = p * r + 1.0 / 6.0
    p = p * r + 0.5
    p = p * r + 1.0
    p = p * r + 1.0
    // The low 12 bits of t's pattern + 1023 are n + 1023, the biased exponent of 2ⁿ.
    let scale = SampleVector(bits: (t.bits &+ 1023) &<< 52)
    return p * scale
}

/// ``expNonPositiveNormal(_:)-(SampleVector)`` of one value, for the tests and the scalar fallback
/// below: the value on every lane, so it has exactly the bits any lane of a block would get.
/// Nothing on the E-step's hot path calls it.
@inline(__always)
func expNonPositiveNormal(_ x: Double) -> Double {
    expNonPositiveNormal(SampleVector(repeating: x))[0]
}

enum ExpConstants {
    static let log2e = 1.4426950408889634
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    /// Adding 1.5·2⁵² rounds x·log₂e to the nearest integer in the low mantissa bits.
    static let shifter = 6755399441055744.0
}

/// The lowest argument ``expNonPositiveNormal(_:)-(Double)`` handles (2ⁿ stays a normal number).
let expNormalFloor = -708.0

/// Arguments at or below this give eˣ = 0 exactly: e⁻⁷⁴⁶ < 2⁻¹⁰⁷⁵, half the least subnormal.
let expZeroCeiling = -746.0

/// eˣ for any x ≤ 0, through the fast path where it applies.
@inline(__always)
func expNonPositive(_ x: Double) -> Double {
    x >= expNormalFloor ? expNonPositiveNormal(x) : Foundation.exp(x)
}
