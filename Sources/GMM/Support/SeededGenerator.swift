import Foundation

/// A small, fast, seedable random number generator: xoshiro256** seeded through SplitMix64.
///
/// gmmviz needs the same numbers for the same seed on every machine and every run, which
/// `SystemRandomNumberGenerator` does not give. xoshiro256** (Blackman & Vigna, 2018) passes
/// BigCrush and is the generator Julia and .NET use by default.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose stream is a pure function of `seed`.
    public init(seed: UInt64) {
        var sm = seed
        func splitMix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// The seed of restart `run` derived from `seed`: `seed` itself for run 0, otherwise one
    /// SplitMix64 output of (seed, run), so nearby seeds and runs give unrelated streams.
    public static func seed(_ seed: UInt64, run: Int) -> UInt64 {
        guard run != 0 else { return seed }
        var z = seed &+ UInt64(truncatingIfNeeded: run) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next() -> UInt64 {
        let result = rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotl(state.3, 45)
        return result
    }

    /// A uniform integer in 0 ..< `n` (`n` ≥ 1), without the bias of `next() % n` (which, for
    /// n not a power of two, favours the residues below 2⁶⁴ mod n).
    ///
    /// Lemire's multiply-shift ("Fast Random Integer Generation in an Interval", 2019): the high
    /// 64 bits of x·n are uniform over 0 ..< n once the draws whose low 64 bits fall below
    /// 2⁶⁴ mod n are rejected. The rejection is rare (probability < n / 2⁶⁴), and the division
    /// computing 2⁶⁴ mod n runs only when the low bits are below n.
    public mutating func nextIndex(below n: Int) -> Int {
        precondition(n >= 1, "nextIndex(below:) needs n ≥ 1, got \(n)")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal deviate by the Box–Muller transform.
    ///
    /// Box–Muller uses only `log`, `sqrt`, `cos` and one uniform pair per deviate (the second
    /// deviate is discarded), which keeps the stream simple to reproduce.
    public mutating func nextNormal() -> Double {
        // 1 − u lies in (0, 1], so the logarithm is finite.
        let u1 = 1.0 - nextUniform()
        let u2 = nextUniform()
        return (-2.0 * Foundation.log(u1)).squareRoot() * Foundation.cos(2.0 * Double.pi * u2)
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
