/// A colour with components in [0, 1], for blending; converts to and from 0x00RRGGBB.
struct RGB: Sendable, Equatable {
    var red: Double
    var green: Double
    var blue: Double

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    init(_ packed: UInt32) {
        red = Double((packed >> 16) & 0xFF) / 255
        green = Double((packed >> 8) & 0xFF) / 255
        blue = Double(packed & 0xFF) / 255
    }

    /// 0x00RRGGBB, each channel rounded to the nearest of 256 levels.
    var packed: UInt32 {
        func level(_ v: Double) -> UInt32 { UInt32((min(max(v, 0), 1) * 255).rounded()) }
        return level(red) << 16 | level(green) << 8 | level(blue)
    }

    func scaled(_ f: Double) -> RGB { RGB(red: red * f, green: green * f, blue: blue * f) }
}

extension RGB {
    /// The colour of a point with the given responsibilities: Σₖ rₖ · colourₖ in sRGB component
    /// space, with the row renormalised. A row that is not a distribution (all zero, NaN)
    /// gives mid grey, so a broken E-step shows instead of hiding.
    ///
    /// - Parameters:
    ///   - row: K responsibilities of one point.
    ///   - colors: K component colours.
    static func blend(_ row: ArraySlice<Double>, colors: [RGB]) -> RGB {
        var r = 0.0, g = 0.0, b = 0.0, total = 0.0
        for (k, weight) in zip(colors.indices, row) where weight > 0 {
            r += weight * colors[k].red
            g += weight * colors[k].green
            b += weight * colors[k].blue
            total += weight
        }
        guard total.isFinite, total > 0 else { return RGB(red: 0.5, green: 0.5, blue: 0.5) }
        return RGB(red: r / total, green: g / total, blue: b / total)
    }
}
