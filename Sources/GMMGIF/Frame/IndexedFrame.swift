/// A frame mapped to a ``GIFPalette``: one palette index per pixel.
///
/// Memory layout: `indices` holds `width × height` bytes, row-major, top row first, no padding.
/// Produced by ``GIFPalette/indices(for:dither:)``, a pure function, so callers may map many
/// frames in parallel and hand them to ``GIFWriter`` in order.
public struct IndexedFrame: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width × height` palette indices, row-major, top row first.
    public var indices: [UInt8]
    /// The frame's own colour table, when the GIF's global palette does not serve it: the
    /// palette's colours with some entries replaced, possibly followed by a placeholder at the
    /// palette's transparent index and more colours, at most the palette's table size (see
    /// ``GIFPalette/indices(for:dither:protecting:tolerance:)``). `nil`: the global palette.
    public var localColors: [UInt32]?

    public init(width: Int, height: Int, indices: [UInt8], localColors: [UInt32]? = nil) {
        self.width = width
        self.height = height
        self.indices = indices
        self.localColors = localColors
    }
}
