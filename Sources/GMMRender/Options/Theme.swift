/// The frame's colour scheme: `.light` (white background, the default) or `.dark`.
public enum Theme: String, Sendable, CaseIterable {
    case light
    case dark

    /// The exact non-component colours the theme paints, as 0x00RRGGBB.
    public var colors: ThemeColors {
        switch self {
        case .light:
            return ThemeColors(background: 0xFFFFFF, panel: 0xF5F6F8, text: 0x1F2328, mutedText: 0x5F6670,
                               axis: 0x59606A, grid: 0xE4E7EB, halo: 0xFFFFFF)
        case .dark:
            return ThemeColors(background: 0x15181D, panel: 0x1E2228, text: 0xE6E8EB, mutedText: 0x9AA1AB,
                               axis: 0x8A919B, grid: 0x2C3139, halo: 0x15181D)
        }
    }
}

/// The fixed colours of a theme, each 0x00RRGGBB. Component colours come from ``RenderPalette``.
public struct ThemeColors: Sendable, Equatable {
    /// The canvas behind everything.
    public var background: UInt32
    /// The side panel behind the log-likelihood inset and the legend.
    public var panel: UInt32
    /// Title, header and legend text.
    public var text: UInt32
    /// Tick labels, axis labels and secondary text.
    public var mutedText: UInt32
    /// The plot frame and tick marks.
    public var axis: UInt32
    /// Grid lines.
    public var grid: UInt32
    /// The ring around mean markers that separates them from the points below.
    public var halo: UInt32

    /// Every colour above, in declaration order, without duplicates.
    public var all: [UInt32] {
        var seen = Set<UInt32>()
        return [background, panel, text, mutedText, axis, grid, halo].filter { seen.insert($0).inserted }
    }
}
