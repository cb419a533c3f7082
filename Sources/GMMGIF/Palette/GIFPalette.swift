/// One global colour table for a whole animation.
///
/// `colors` are the opaque colours (`0x00RRGGBB`), at most 256, or 255 when an index is reserved
/// for transparency; that index, ``transparentIndex``, is `colors.count`. The table giflib
/// writes is padded with black to ``tableSize``, the next power of two (giflib's
/// `GifMakeMapObject` accepts nothing else).
///
/// One palette for every frame means a pixel that does not change keeps its index, colours never
/// flicker between frames, and the frame optimiser can compare indices instead of colours.
public struct GIFPalette: Sendable {
    /// The opaque colours, `0x00RRGGBB`, in index order.
    public let colors: [UInt32]
    /// The index reserved for "unchanged since the previous frame", or `nil` if none.
    public let transparentIndex: UInt8?
    /// Entries in the colour table as written: a power of two from 2 to 256.
    public let tableSize: Int
    let grid: NearestColorGrid
    /// How many pixels of the frames the palette was built from map to each entry (of
    /// ``GIFPalette/build(seeds:samples:maxColors:minimumPSNR:reserveTransparent:)``); empty
    /// for a palette of given colours. Ranks entries a frame's local table may replace.
    var sampleUsage: [Int] = []

    /// A palette of exactly these colours (the high byte of each is ignored; duplicates are kept,
    /// and a colour maps to its first index).
    ///
    /// - Throws: ``GIFError`` if `colors` is empty, or has more than 256 entries (255 with
    ///   `reserveTransparent`).
    public init(colors: [UInt32], reserveTransparent: Bool = true) throws {
        let limit = reserveTransparent ? 255 : 256
        guard !colors.isEmpty, colors.count <= limit else {
            throw GIFError(call: "GIFPalette(colors:)", code: nil,
                           message: "a palette needs 1 to \(limit) colours, got \(colors.count)",
                           fix: reserveTransparent && colors.count == 256
                               ? "pass reserveTransparent: false, or drop one colour"
                               : "build the palette with GIFPalette.build(seeds:samples:)")
        }
        self.init(checkedColors: colors, reserveTransparent: reserveTransparent)
    }

    /// `colors`: 1 to 256 entries (255 with `reserveTransparent`), already checked.
    init(checkedColors colors: [UInt32], reserveTransparent: Bool) {
        let masked = colors.map { $0 & 0xFF_FFFF }
        self.colors = masked
        self.transparentIndex = reserveTransparent ? UInt8(masked.count) : nil
        let used = masked.count + (reserveTransparent ? 1 : 0)
        var size = 2
        while size < used { size *= 2 }
        self.tableSize = size
        self.grid = NearestColorGrid(colors: masked)
    }

    /// The colour table as giflib writes it: ``colors``, then black up to ``tableSize``.
    var table: [UInt32] {
        colors + [UInt32](repeating: 0, count: tableSize - colors.count)
    }

    /// The palette index of the colour nearest to `color` (squared distance in sRGB).
    public func index(of color: UInt32) -> UInt8 {
        grid.nearest(color & 0xFF_FFFF).index
    }
}
