import Foundation
import GMMColor
import Testing

/// `|x − y| ≤ tolerance` for each of L, a and b.
private func expectClose(_ x: OklabColor, _ y: (l: Double, a: Double, b: Double), within tolerance: Double,
                         _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let worst = max(abs(x.l - y.l), abs(x.a - y.a), abs(x.b - y.b))
    #expect(worst <= tolerance, "\(what): got (\(x.l), \(x.a), \(x.b)), want \(y), off by \(worst)",
            sourceLocation: sourceLocation)
}

/// Linear-light sRGB from CIE XYZ (D65, Y of white = 1): the inverse of the sRGB primaries'
/// matrix, as Lindbloom tabulates it to seven digits. Only to feed Ottosson's XYZ table to an
/// API that takes linear sRGB.
private func linearSRGB(x: Double, y: Double, z: Double) -> (Double, Double, Double) {
    (3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
     -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
     0.0556434 * x - 0.2040259 * y + 1.0572252 * z)
}

/// ``OklabColor`` against the values Björn Ottosson published with the space ("A perceptual
/// color space for image processing", 2020), its inverse, and the properties ΔE_ok must have.
@Suite("Oklab colour")
struct OklabColorTests {
    /// An 8-bit sRGB colour and its published Oklab coordinates.
    struct Reference: Sendable, CustomStringConvertible {
        let packed: UInt32, l: Double, a: Double, b: Double
        var description: String { String(format: "#%06X", packed) }
    }

    /// A CIE XYZ stimulus and its published Oklab coordinates.
    struct XYZReference: Sendable, CustomStringConvertible {
        let x: Double, y: Double, z: Double, l: Double, a: Double, b: Double
        var description: String { "XYZ (\(x), \(y), \(z))" }
    }

    /// sRGB white is L = 1, a = b = 0, and black is 0, 0, 0. Tolerance 1e-7: the rows of
    /// Ottosson's matrices, printed to ten digits, sum to 1 (L), 0 (a) and 0 (b) only up to
    /// 7e-9 and 4e-8, which is what white shows.
    @Test func whiteAndBlack() {
        expectClose(OklabColor(0xFFFFFF), (1, 0, 0), within: 1e-7, "white")
        expectClose(OklabColor(linearRed: 1, green: 1, blue: 1), (1, 0, 0), within: 1e-7, "linear white")
        expectClose(OklabColor(0x000000), (0, 0, 0), within: 0, "black")
    }

    /// The sRGB primaries, as published to five decimals (CSS Color 4 and Ottosson's own
    /// converter print the same figures). Tolerance 1e-5: half a unit of the fifth decimal
    /// (5e-6) for the rounding, and as much again because those figures were computed through
    /// XYZ with more digits than the ten of the linear-sRGB matrix used here (the largest
    /// difference seen is 4.6e-6, on red's L).
    @Test(arguments: [
        Reference(packed: 0xFF0000, l: 0.62796, a: 0.22486, b: 0.12585),
        Reference(packed: 0x00FF00, l: 0.86644, a: -0.23389, b: 0.17950),
        Reference(packed: 0x0000FF, l: 0.45201, a: -0.03246, b: -0.31153),
    ])
    func primaries(_ p: Reference) {
        expectClose(OklabColor(p.packed), (p.l, p.a, p.b), within: 1e-5, "\(p)")
        let r = Double(p.packed >> 16 & 0xFF) / 255, g = Double(p.packed >> 8 & 0xFF) / 255, b = Double(p.packed & 0xFF) / 255
        expectClose(OklabColor(linearRed: r, green: g, blue: b), (p.l, p.a, p.b), within: 1e-5, "linear \(p)")
    }

    /// Ottosson's table of XYZ stimuli and their Oklab values, given to three decimals.
    /// Tolerance 1e-3: half a unit of the third decimal (5e-4) for the rounding, and as much
    /// again for the XYZ → linear-sRGB matrix this test needs to reach the API. The unit
    /// stimuli X, Y, Z lie far outside the sRGB gamut (X = 1 is linear red 3.24, green −0.97),
    /// where the published variants of that matrix alone move the result by up to 1.4e-3; with
    /// the seven-digit one here the largest difference is 5.1e-4.
    @Test(arguments: [
        XYZReference(x: 0.950, y: 1.000, z: 1.089, l: 1.000, a: 0.000, b: 0.000),
        XYZReference(x: 1.000, y: 0.000, z: 0.000, l: 0.450, a: 1.236, b: -0.019),
        XYZReference(x: 0.000, y: 1.000, z: 0.000, l: 0.922, a: -0.671, b: 0.263),
        XYZReference(x: 0.000, y: 0.000, z: 1.000, l: 0.153, a: -1.415, b: -0.449),
    ])
    func publishedXYZTable(_ t: XYZReference) {
        let (r, g, b) = linearSRGB(x: t.x, y: t.y, z: t.z)
        expectClose(OklabColor(linearRed: r, green: g, blue: b), (t.l, t.a, t.b), within: 1e-3, "\(t)")
    }

    /// Oklab → linear sRGB undoes linear sRGB → Oklab, on a 17-level grid of the cube.
    /// Tolerance 1e-6: the forward and inverse matrices are each rounded to ten digits, so they
    /// are not exact inverses; cubing and coefficients up to 4.08 magnify that to the 2.6e-7 seen
    /// here. 1e-6 is still 300 times smaller than the darkest 8-bit step in linear light
    /// (1 / 255 / 12.92 = 3.0e-4), so the 8-bit round trip below must be exact.
    @Test func linearRoundTrip() {
        let levels = (0 ... 16).map { Double($0) / 16 }
        var worst = 0.0
        for r in levels {
            for g in levels {
                for b in levels {
                    let back = OklabColor(linearRed: r, green: g, blue: b).linearRGB
                    worst = max(worst, abs(back.red - r), abs(back.green - g), abs(back.blue - b))
                }
            }
        }
        #expect(worst <= 1e-6, "largest round-trip error \(worst)")
    }

    /// `packed` returns the 8-bit colour it came from: every level of each channel alone, with
    /// the others at 0 and at 255, and a 52-level grid (every fifth level) of the whole cube.
    @Test func packedRoundTripIsExact() {
        var failures = [String]()
        func check(_ c: UInt32) {
            let back = OklabColor(c).packed
            if back != c, failures.count < 5 { failures.append(String(format: "#%06X → #%06X", c, back)) }
        }
        for v in UInt32(0) ... 255 {
            for shift: UInt32 in [16, 8, 0] {
                check(v << shift)
                check(0xFFFFFF & ~(0xFF << shift) | v << shift)
            }
        }
        for r in stride(from: UInt32(0), through: 255, by: 5) {
            for g in stride(from: UInt32(0), through: 255, by: 5) {
                for b in stride(from: UInt32(0), through: 255, by: 5) { check(r << 16 | g << 8 | b) }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// The sRGB transfer function and its inverse undo each other on every 8-bit level
    /// (tolerance 1e-12: a `pow` each way, a few ulps of 1), and `encoded` clamps to [0, 1]
    /// (1.055 − 0.055 is 1 only to an ulp in binary, hence 1e-15 at the top).
    @Test func transferFunctionRoundTrip() {
        for i in 0 ... 255 {
            let v = Double(i) / 255
            #expect(abs(OklabColor.encoded(OklabColor.linear(v)) - v) <= 1e-12, "level \(i)")
        }
        #expect(OklabColor.linear(0) == 0 && abs(OklabColor.linear(1) - 1) <= 1e-15)
        #expect(OklabColor.encoded(-0.5) == 0 && abs(OklabColor.encoded(1.5) - 1) <= 1e-15)
    }

    /// Colours outside the gamut come back clamped channel by channel, not wrapped.
    @Test func packedClampsOutOfGamut() {
        #expect(OklabColor(l: 1.2, a: 0, b: 0).packed == 0xFFFFFF)
        #expect(OklabColor(l: -0.1, a: 0, b: 0).packed == 0x000000)
        // Far along +a (red–magenta) red is saturated and green is cut to 0.
        let vivid = OklabColor(l: 0.7, a: 0.4, b: 0).packed
        #expect(vivid >> 16 & 0xFF == 255 && vivid >> 8 & 0xFF == 0, "\(String(format: "#%06X", vivid))")
    }

    /// Greys are neutral and their lightness rises with the level. Chroma tolerance 1e-7: the
    /// b row of Ottosson's second matrix sums to 3.7e-8 rather than 0, and a grey's b is that
    /// times its cube-root response (at most 1).
    @Test func greysAreNeutralAndOrdered() {
        var previous = -1.0
        for v in UInt32(0) ... 255 {
            let grey = OklabColor(v << 16 | v << 8 | v)
            #expect(grey.chroma <= 1e-7, "grey \(v): chroma \(grey.chroma)")
            #expect(grey.l > previous, "grey \(v): L \(grey.l) after \(previous)")
            previous = grey.l
        }
    }

    /// ΔE_ok is a Euclidean distance: zero only to itself, symmetric, the triangle inequality,
    /// unchanged by a common shift, and equal to √(ΔL² + Δa² + Δb²) (a 3-4-5 triangle: 0.05
    /// exactly, up to one rounding). Black to white is 1 within the 1e-7 of `whiteAndBlack`.
    /// The triangle and shift checks allow 1e-15, a few ulps of distances below 1, since each
    /// side is rounded on its own.
    @Test func deltaEIsAMetric() {
        let colors = [0xFF0000, 0x00FF00, 0x0000FF, 0xE69F00, 0x009E73, 0x808080, 0x000000, 0xFFFFFF].map { OklabColor(UInt32($0)) }
        for x in colors {
            #expect(x.distance(to: x) == 0)
            for y in colors {
                #expect(x.distance(to: y) == y.distance(to: x))
                if x != y { #expect(x.distance(to: y) > 0) }
                for z in colors {
                    #expect(x.distance(to: z) <= x.distance(to: y) + y.distance(to: z) + 1e-15)
                }
                let shift = { (c: OklabColor) in OklabColor(l: c.l + 0.25, a: c.a - 0.125, b: c.b + 0.0625) }
                #expect(abs(shift(x).distance(to: shift(y)) - x.distance(to: y)) <= 1e-15)
            }
        }
        let base = OklabColor(l: 0.5, a: 0, b: 0)
        #expect(abs(base.distance(to: OklabColor(l: 0.5, a: 0.03, b: 0.04)) - 0.05) <= 1e-16)
        #expect(abs(OklabColor(0x000000).distance(to: OklabColor(0xFFFFFF)) - 1) <= 1e-7)
    }

    /// Chroma is the distance to the neutral axis at the same lightness (within 1e-15, a few
    /// ulps: the two are rounded differently).
    @Test func chromaIsDistanceToGrey() {
        for c in [0xFF0000, 0x00FF00, 0x0000FF, 0xE69F00].map({ OklabColor(UInt32($0)) }) {
            #expect(abs(c.chroma - c.distance(to: OklabColor(l: c.l, a: 0, b: 0))) <= 1e-15)
        }
        #expect(abs(OklabColor(l: 0.6, a: -0.3, b: 0.4).chroma - 0.5) <= 1e-16)
    }
}
