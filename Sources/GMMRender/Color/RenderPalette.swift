import Foundation

/// Component colours: the Okabe–Ito colour-blind-safe palette for the first eight components,
/// then hues generated deterministically (golden-angle steps around the colour wheel).
///
/// The order puts the most distinct pairs first — vermillion, blue, bluish green, orange —
/// so a 3- or 4-component fit never relies on the weak yellow. The eighth colour, black, is
/// swapped for a light grey on the dark theme.
public struct RenderPalette: Sendable, Equatable {
    /// The theme whose background the colours must read against.
    public var theme: Theme

    public init(theme: Theme = .light) {
        self.theme = theme
    }

    /// Okabe & Ito (2008), "Color Universal Design", in the order described above.
    static let okabeIto: [UInt32] = [
        0xD55E00, // vermillion
        0x0072B2, // blue
        0x009E73, // bluish green
        0xE69F00, // orange
        0xCC79A7, // reddish purple
        0x56B4E9, // sky blue
        0xF0E442, // yellow
        0x000000, // black
    ]

    /// One colour per component, 0x00RRGGBB, `count` ≥ 0 values.
    public func colors(forComponents count: Int) -> [UInt32] {
        (0 ..< max(0, count)).map(color(ofComponent:))
    }

    /// The colour of component `k` (0-based).
    public func color(ofComponent k: Int) -> UInt32 {
        if k < Self.okabeIto.count {
            if k == 7 && theme == .dark { return 0xD0D0D0 }
            return Self.okabeIto[k]
        }
        // Golden-angle hue steps never repeat and stay far apart for the first few dozen;
        // alternating lightness separates neighbours further.
        let step = Double(k - Self.okabeIto.count)
        let hue = (step * 137.507_764 + 15).truncatingRemainder(dividingBy: 360)
        let lightness = (k % 2 == 0) ? 0.42 : 0.58
        return Self.hsl(hue: hue, saturation: 0.62, lightness: theme == .dark ? lightness + 0.08 : lightness)
    }

    /// Every exact colour a frame with `components` components can paint: the theme's colours,
    /// then the component colours. Anti-aliased edges and translucent fills add blends of these;
    /// seed a GIF palette with this list so the flat areas come out exact.
    public func exactColors(components: Int) -> [UInt32] {
        var seen = Set<UInt32>()
        return (theme.colors.all + colors(forComponents: components)).filter { seen.insert($0).inserted }
    }

    /// HSL → 0x00RRGGBB, hue in degrees, saturation and lightness in [0, 1].
    static func hsl(hue: Double, saturation s: Double, lightness l: Double) -> UInt32 {
        let c = (1 - abs(2 * l - 1)) * s
        let h = hue / 60
        let x = c * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double)
        switch h {
        case ..<1: (r, g, b) = (c, x, 0)
        case ..<2: (r, g, b) = (x, c, 0)
        case ..<3: (r, g, b) = (0, c, x)
        case ..<4: (r, g, b) = (0, x, c)
        case ..<5: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        let m = l - c / 2
        return RGB(red: r + m, green: g + m, blue: b + m).packed
    }
}
