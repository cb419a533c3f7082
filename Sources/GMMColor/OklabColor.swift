import Foundation

/// A colour in Oklab (Björn Ottosson, "A perceptual color space for image processing", 2020):
/// L is perceived lightness in [0, 1], a and b the green–red and blue–yellow opponent axes.
/// Euclidean distance here, ΔE_ok, tracks perceived difference; a just-noticeable difference is
/// about 0.02.
///
/// The renderer mixes point colours here rather than in sRGB (a 50/50 mix of orange and green
/// is then a clear in-between colour of the parents' lightness, not the darker, greyer olive
/// that averaging gamma-encoded sRGB values gives), and the GIF palette splits colour boxes
/// here: one conversion serves both.
public struct OklabColor: Sendable, Equatable {
    public var l: Double
    public var a: Double
    public var b: Double

    public init(l: Double, a: Double, b: Double) {
        self.l = l
        self.a = a
        self.b = b
    }

    /// From linear-light sRGB components (not gamma encoded), each in [0, 1].
    public init(linearRed r: Double, green g: Double, blue bl: Double) {
        // Ottosson's M₁ (linear sRGB → LMS), cube root, then M₂ (LMS′ → Lab).
        let lc = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * bl)
        let mc = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl)
        let sc = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl)
        l = 0.2104542553 * lc + 0.7936177850 * mc - 0.0040720468 * sc
        a = 1.9779984951 * lc - 2.4285922050 * mc + 0.4505937099 * sc
        b = 0.0259040371 * lc + 0.7827717662 * mc - 0.8086757660 * sc
    }

    /// From `0x00RRGGBB` in sRGB.
    public init(_ packed: UInt32) {
        func channel(_ shift: UInt32) -> Double { Self.linear(Double((packed >> shift) & 0xFF) / 255) }
        self.init(linearRed: channel(16), green: channel(8), blue: channel(0))
    }

    /// Linear-light sRGB components, unclamped (out-of-gamut colours give values outside [0, 1]).
    public var linearRGB: (red: Double, green: Double, blue: Double) {
        // The inverses of M₂ and M₁, from Ottosson's reference code.
        let lc = l + 0.3963377774 * a + 0.2158037573 * b
        let mc = l - 0.1055613458 * a - 0.0638541728 * b
        let sc = l - 0.0894841775 * a - 1.2914855480 * b
        let l3 = lc * lc * lc, m3 = mc * mc * mc, s3 = sc * sc * sc
        return (4.0767416621 * l3 - 3.3077115913 * m3 + 0.2309699292 * s3,
                -1.2684380046 * l3 + 2.6097574011 * m3 - 0.3413193965 * s3,
                -0.0041960863 * l3 - 0.7034186147 * m3 + 1.7076147010 * s3)
    }

    /// The sRGB colour, each channel clamped to the gamut and rounded to 8 bits.
    public var packed: UInt32 {
        let c = linearRGB
        func level(_ v: Double) -> UInt32 { UInt32((Self.encoded(v) * 255).rounded()) }
        return level(c.red) << 16 | level(c.green) << 8 | level(c.blue)
    }

    /// Chroma √(a² + b²): 0 for a neutral grey.
    public var chroma: Double { (a * a + b * b).squareRoot() }

    /// ΔE_ok, the Euclidean distance in Oklab.
    public func distance(to other: OklabColor) -> Double {
        let dl = l - other.l, da = a - other.a, db = b - other.b
        return (dl * dl + da * da + db * db).squareRoot()
    }

    /// The sRGB transfer function (IEC 61966-2-1): gamma-encoded [0, 1] → linear light.
    public static func linear(_ v: Double) -> Double {
        v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }

    /// Its inverse, linear light → gamma-encoded, clamped to [0, 1].
    public static func encoded(_ v: Double) -> Double {
        let c = min(max(v, 0), 1)
        return c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055
    }
}
