/// How ``GIFPalette/indices(for:dither:)`` maps colours that are not in the palette.
public enum GIFDither: Sendable, Equatable {
    /// Nearest colour. The default: plot frames are mostly exact colours, and dithering noise
    /// crawls from frame to frame and inflates every frame's changed rectangle.
    case none
    /// A 4 × 4 Bayer matrix added to colours not in the palette before the nearest-colour
    /// search. Exact palette colours are never dithered, so backgrounds stay flat.
    case ordered
}
