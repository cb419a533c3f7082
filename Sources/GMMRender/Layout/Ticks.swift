import Foundation

/// "Nice" axis ticks: multiples of 1, 2 or 5 × 10ᵏ, about `target` of them across a range.
public enum Ticks {
    /// Tick values in [lo, hi], ascending; at most 50 whatever the input.
    static func values(from lo: Double, to hi: Double, target: Int) -> [Double] {
        let step = self.step(from: lo, to: hi, target: target)
        guard step > 0, step.isFinite else { return [] }
        let first = (lo / step).rounded(.up)
        var out = [Double]()
        var i = 0.0
        // Half a millionth of a step absorbs the rounding of (first + i) · step at the ends.
        while out.count < 50 {
            let v = (first + i) * step
            if v > hi + step * 5e-7 { break }
            out.append(abs(v) < step * 1e-9 ? 0 : v)
            i += 1
        }
        return out
    }

    static func step(from lo: Double, to hi: Double, target: Int) -> Double {
        let span = hi - lo
        guard span > 0, span.isFinite else { return 0 }
        let raw = span / Double(max(target, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let norm = raw / magnitude
        let nice: Double = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10
        return nice * magnitude
    }

    /// A tick label with just enough decimals for `step`, and a true minus sign.
    static func label(_ value: Double, step: Double) -> String {
        let decimals = step > 0 ? max(0, min(10, -Int(floor(log10(step) + 1e-9)))) : 0
        return formatted(value, decimals: decimals)
    }

    /// 10000000 as "10,000,000": a count with its digits grouped by threes, for frames and
    /// messages alike.
    public static func grouped(_ n: Int) -> String {
        var digits = String(n.magnitude), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    /// `value` with a fixed number of decimals and U+2212 MINUS SIGN; "−0" prints as "0".
    static func formatted(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") {
            let digits = text.dropFirst()
            text = digits.allSatisfy({ $0 == "0" || $0 == "." }) ? String(digits) : "−" + digits
        }
        return text
    }
}
