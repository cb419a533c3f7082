/// log x for positive, finite, normal x on every lane: the E-step's log-sum-exp takes one
/// logarithm per sample, which as a call to glibc's scalar `log` would cost as much as several
/// of the vectorised exponentials.
///
/// This is fdlibm's `__ieee754_log` (Sun Microsystems, 1993) without its branches: x = 2ᵏ·m with
/// m ∈ [√2/2, √2), f = m − 1, s = f / (2 + f), and
/// log(1 + f) = f − ½f² + s·(½f² + R(s²)), where R is fdlibm's degree-14 minimax polynomial in
/// s (seven coefficients in s²) with |error| < 2⁻⁵⁸·⁴⁵ on |s| ≤ 0.1716. k·ln 2 is added in two
/// parts (Cody–Waite, as in exp) so that k·ln2Hi is exact. fdlibm states an error below 1 ulp;
/// the tests check that bound against glibc. The sum over samples of these logarithms is the
/// log-likelihood, compared with scikit-learn's to 1e-9 relative: seven orders looser.
@inline(__always)
func logPositiveNormal(_ x: SampleVector) -> SampleVector {
    let sqrtHalf = 0.70710678118654752440
    let bits = x.bits
    // k = unbiased exponent, m ∈ [1, 2) by forcing the exponent field to 1023.
    var k = (bits &>> 52) &- 1023
    var m = SampleVector(bits: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
    // Move m into [√2/2, √2): halve it and count one more power of two when m ≥ √2.
    let high = m .>= 2 * sqrtHalf
    m.replace(with: m * 0.5, where: high)
    k.replace(with: k &+ 1, where: high)
    // k as a double: k + 1.5·2⁵² is exact in the low mantissa bits for |k| < 2⁵¹.
    let shifter = 6755399441055744.0
    let dk = SampleVector(bits: k &+ SampleVector(repeating: shifter).bits) - shifter

    let lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01
    let lg3 = 2.857142874366239149e-01, lg4 = 2.222219843214978396e-01
    let lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01
    let lg7 = 1.479819860511658591e-01
    let f = m - 1
    let hfsq = 0.5 * f * f
    let s = f / (2 + f)
    let z = s * s
    let w = z * z
    let t1 = w * (lg2 + w * (lg4 + w * lg6))
    let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
    let r = t2 + t1
    return dk * ExpConstants.ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ExpConstants.ln2Lo)) - f)
}
