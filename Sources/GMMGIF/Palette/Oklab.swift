import Foundation

/// A colour in Björn Ottosson's Oklab space, where Euclidean distance follows perceived
/// difference far better than in sRGB; the palette builder splits colour boxes here.
struct Oklab: Sendable {
    var l: Float
    var a: Float
    var b: Float

    subscript(axis: Int) -> Float {
        switch axis {
        case 0: l
        case 1: a
        default: b
        }
    }

    /// sRGB 8-bit → linear light, by table (the sRGB transfer function, IEC 61966-2-1).
    private static let linear: [Float] = (0..<256).map { v in
        let c = Float(v) / 255
        return c <= 0.04045 ? c / 12.92 : powf((c + 0.055) / 1.055, 2.4)
    }

    /// `color`: `0x00RRGGBB`.
    init(_ color: UInt32) {
        let r = Self.linear[Int((color >> 16) & 0xFF)]
        let g = Self.linear[Int((color >> 8) & 0xFF)]
        let bl = Self.linear[Int(color & 0xFF)]
        // Ottosson's matrices (2020): linear sRGB → LMS, cube root, → Lab.
        let lc = cbrtf(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * bl)
        let mc = cbrtf(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl)
        let sc = cbrtf(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl)
        l = 0.2104542553 * lc + 0.7936177850 * mc - 0.0040720468 * sc
        a = 1.9779984951 * lc - 2.4285922050 * mc + 0.4505937099 * sc
        b = 0.0259040371 * lc + 0.7827717662 * mc - 0.8086757660 * sc
    }
}
