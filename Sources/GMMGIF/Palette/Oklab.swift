import GMMColor

/// A colour in Oklab, in single precision: the palette builder splits colour boxes here, where
/// Euclidean distance follows perceived difference far better than in sRGB. Converted by
/// ``GMMColor/OklabColor``, the conversion the renderer mixes point colours with.
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

    /// `color`: `0x00RRGGBB`.
    init(_ color: UInt32) {
        let c = OklabColor(color)
        l = Float(c.l)
        a = Float(c.a)
        b = Float(c.b)
    }
}
