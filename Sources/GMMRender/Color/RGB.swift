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
