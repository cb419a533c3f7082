/// Converts ASCII decimal numbers to the nearest `Double` (round half to even), the value
/// `strtod` gives, straight from bytes.
///
/// The grammar is what `Double(String)` accepts with the characters `0-9 + - . e E` only:
/// an optional sign, digits with at most one `.` and at least one digit (`5`, `.5`, `5.`), then
/// an optional exponent `e`/`E`, optional sign, one or more digits. Words such as `nan` and
/// `inf` and hexadecimal are not numbers here; the caller deals with them.
///
/// The conversion is Eisel–Lemire (Lemire, "Number Parsing at a Gigabyte per Second", 2021,
/// the algorithm of fast_float and of Go's and Rust's standard parsers):
/// - The significant digits are read into a 64-bit integer w and the decimal exponent into q,
///   so the value is w × 10^q exactly when there are at most 19 significant digits.
/// - w × 10^q = w × 5^q × 2^q. A 128-bit truncation of 5^q (``powersOfFive``) times w,
///   normalised, gives the 54 leading bits of the product plus enough bits below them to
///   round. Mushtak and Lemire ("Fast Number Parsing Without Fallback", 2023) proved that with
///   the 128-bit table this product always decides the rounding correctly for a 64-bit w, so
///   numbers of up to 19 significant digits need no fallback.
/// - With more than 19 significant digits, w holds the first 19 and the value lies in
///   [w, w + 1) × 10^q. When w and w + 1 convert to the same double, that is the answer. When
///   they do not (the digits beyond the 19th decide a rounding, a case of roughly one token in a
///   thousand among 20-digit tokens and none among shorter ones), and when an exponent has more
///   than 6 digits (so q is not held exactly), the token is handed to `Double(String)`, which copies it with a
///   terminating NUL for glibc's `strtod_l` in the "C" locale: correct, slower, and rare.
///
/// Subnormal results, overflow to ±∞ (`1e309`) and underflow to ±0 (`1e-330`) come out as
/// `strtod` gives them; the sign of zero is kept (`-0` is −0.0).
enum DecimalParser {
    /// The decimal exponents the table covers; outside them every 19-digit w rounds to 0 or ∞.
    static let smallestPowerOfTen = -342
    static let largestPowerOfTen = 308

    /// Parses the longest number at the start of `start ..< end` into `value` and returns the
    /// address just past it, or `nil` when no number starts there (no digit before the exponent).
    ///
    /// An `e` not followed by digits is not part of the number: `"1e"` returns the address of
    /// the `e`, so a caller that needs the whole cell to be a number sees a leftover byte.
    @inline(__always)
    static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ value: inout Double) -> UnsafePointer<UInt8>? {
        var p = start
        var negative = false
        if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
            negative = p.pointee == UInt8(ascii: "-")
            p += 1
        }
        let integerStart = p
        var w: UInt64 = 0
        while p < end, case let d = p.pointee &- 48, d < 10 {
            w = w &* 10 &+ UInt64(d)
            p += 1
        }
        let integerEnd = p
        var fractionStart = p, fractionEnd = p
        if p < end, p.pointee == UInt8(ascii: ".") {
            p += 1
            fractionStart = p
            // Eight digits at a time while eight remain: the fraction of a 17-digit token.
            while end - p >= 8, case let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self), Self.isEightDigits(word) {
                w = w &* 100_000_000 &+ Self.eightDigitsValue(word)
                p += 8
            }
            while p < end, case let d = p.pointee &- 48, d < 10 {
                w = w &* 10 &+ UInt64(d)
                p += 1
            }
            fractionEnd = p
        }
        var digitCount = (integerEnd - integerStart) + (fractionEnd - fractionStart)
        guard digitCount > 0 else { return nil }
        var exponent = fractionStart - fractionEnd
        var exponentNumber = 0
        var exponentExact = true
        if p < end, p.pointee | 0x20 == UInt8(ascii: "e") {
            var e = p + 1
            var negativeExponent = false
            if e < end, e.pointee == UInt8(ascii: "-") || e.pointee == UInt8(ascii: "+") {
                negativeExponent = e.pointee == UInt8(ascii: "-")
                e += 1
            }
            if e < end, e.pointee &- 48 < 10 {
                while e < end, case let d = e.pointee &- 48, d < 10 {
                    if exponentNumber < 100_000 { exponentNumber = exponentNumber * 10 + Int(d) } else { exponentExact = false }
                    e += 1
                }
                if negativeExponent { exponentNumber = -exponentNumber }
                exponent += exponentNumber
                p = e
            }
        }
        let signBit: UInt64 = negative ? 1 << 63 : 0
        guard exponentExact else {
            value = Self.strtodFallback(start, p)
            return p
        }

        // More than 19 digits: count again without leading zeros, and if there are still more,
        // keep the first 19 (w < 10^19 < 2^64) and move the exponent by the digits left out.
        var truncated = false
        if digitCount > 19 {
            var s = integerStart
            while s < fractionEnd, s.pointee == UInt8(ascii: "0") || s.pointee == UInt8(ascii: ".") {
                if s.pointee == UInt8(ascii: "0") { digitCount -= 1 }
                s += 1
            }
            if digitCount > 19 {
                truncated = true
                let nineteenDigits: UInt64 = 1_000_000_000_000_000_000
                w = 0
                s = integerStart
                while w < nineteenDigits, s < integerEnd {
                    w = w * 10 + UInt64(s.pointee &- 48)
                    s += 1
                }
                if w >= nineteenDigits {
                    exponent = (integerEnd - s) + exponentNumber
                } else {
                    s = fractionStart
                    while w < nineteenDigits, s < fractionEnd {
                        w = w * 10 + UInt64(s.pointee &- 48)
                        s += 1
                    }
                    exponent = (fractionStart - s) + exponentNumber
                }
            }
        }

        var bits = Self.eiselLemire(w, exponent)
        if truncated, bits != Self.eiselLemire(w + 1, exponent) {
            value = Self.strtodFallback(start, p)
            return p
        }
        bits |= signBit
        value = Double(bitPattern: bits)
        return p
    }

    /// The bit pattern of the double nearest to w × 10^q (w < 2^64), positive.
    ///
    /// Follows fast_float's `compute_float<binary64>`: the product of the normalised w with the
    /// 128-bit 5^q has its leading 1 at bit 127 or 126; the 54 bits below it are the mantissa
    /// plus a rounding bit. The binary exponent is q·log₂10 (as `(217706·q) >> 16`, exact over
    /// the table's range) plus the normalisation shifts.
    static func eiselLemire(_ w: UInt64, _ q: Int) -> UInt64 {
        let infinity: UInt64 = 0x7FF0_0000_0000_0000
        if w == 0 || q < smallestPowerOfTen { return 0 }
        if q > largestPowerOfTen { return infinity }
        let leadingZeros = w.leadingZeroBitCount
        let normalised = w << UInt64(leadingZeros)
        let index = 2 * (q - smallestPowerOfTen)
        var (high, low) = normalised.multipliedFullWidth(by: powersOfFive[index])
        // When the 9 bits below the 55 that matter are all ones, a carry from the lower half of
        // the 192-bit product could still change them: add the second word's product.
        let precisionMask: UInt64 = 0x1FF
        if high & precisionMask == precisionMask {
            let second = normalised.multipliedFullWidth(by: powersOfFive[index + 1]).high
            let (sum, carry) = low.addingReportingOverflow(second)
            low = sum
            if carry { high &+= 1 }
        }
        let upperBit = Int(high >> 63)
        let shift = UInt64(upperBit + 9)
        var mantissa = high >> shift
        var power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023

        if power2 <= 0 {
            // Subnormal: shift into place, then round half up on the last bit shifted out. An
            // exact tie between two subnormals has hundreds of significant digits, so with at
            // most 19 it never happens, and a truncated token near one falls back above.
            if -power2 + 1 >= 64 { return 0 }
            mantissa >>= UInt64(-power2 + 1)
            mantissa += mantissa & 1
            mantissa >>= 1
            power2 = mantissa < (1 << 52) ? 0 : 1
            return UInt64(power2) << 52 | (mantissa & ((1 << 52) - 1))
        }
        // An exact tie (possible only for 10^q with -4 ≤ q ≤ 23, where 5^q or 5^-q is exact in
        // the table's precision) must round to even: clear the rounding bit's effect.
        if low <= 1, q >= -4, q <= 23, mantissa & 3 == 1, mantissa << shift == high {
            mantissa &= ~1
        }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >= (2 << 52) {
            mantissa = 1 << 52
            power2 += 1
        }
        mantissa &= ~(1 << 52)
        if power2 >= 0x7FF { return infinity }
        return UInt64(power2) << 52 | mantissa
    }

    /// True when the 8 bytes of `word` (little-endian) are all ASCII digits.
    @inline(__always)
    static func isEightDigits(_ word: UInt64) -> Bool {
        (word & 0xF0F0_F0F0_F0F0_F0F0) | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4) == 0x3333_3333_3333_3333
    }

    /// The value of 8 ASCII digits read little-endian (the first digit in the low byte), by
    /// combining pairs, then quads, then the two halves with multiplies (no loop, no branch).
    @inline(__always)
    static func eightDigitsValue(_ word: UInt64) -> UInt64 {
        var v = word &- 0x3030_3030_3030_3030
        v = v &* 10 &+ (v >> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let mul1: UInt64 = 0x000F_4240_0000_0064 // 100 + (1_000_000 << 32)
        let mul2: UInt64 = 0x0000_2710_0000_0001 // 1 + (10_000 << 32)
        v = ((v & mask) &* mul1 &+ ((v >> 16) & mask) &* mul2) >> 32
        return v & 0xFFFF_FFFF
    }

    /// The C library's conversion of the token `start ..< end`, which matches the grammar above:
    /// `Double(String)` copies it NUL-terminated and calls glibc's `strtod_l` in the "C" locale
    /// (so `.` is the decimal point whatever `setlocale` did), which is correctly rounded.
    static func strtodFallback(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double {
        Double(String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)) ?? .nan
    }
}
