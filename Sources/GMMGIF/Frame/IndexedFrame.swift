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

    public init(width: Int, height: Int, indices: [UInt8]) {
        self.width = width
        self.height = height
        self.indices = indices
    }
}
