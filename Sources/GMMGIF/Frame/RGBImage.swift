/// An opaque RGB image, the input of the palette stage.
///
/// Memory layout: `pixels` holds `width × height` values, row-major, top row first, no padding
/// (the stride is `width` pixels). Each pixel is `0x00RRGGBB`; the high byte is ignored. This is
/// also the layout of Cairo's `RGB24` surface on little-endian machines when its stride is
/// `4 × width`, so the renderer can hand its buffer over without conversion.
public struct RGBImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width × height` pixels, `0x00RRGGBB`, row-major, top row first.
    public var pixels: [UInt32]

    /// Creates an image; `pixels.count` must equal `width × height` (checked when encoded).
    public init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image filled with one colour (`0x00RRGGBB`).
    public init(width: Int, height: Int, filledWith color: UInt32) {
        self.init(width: width, height: height,
                  pixels: [UInt32](repeating: color & 0xFF_FFFF, count: max(0, width * height)))
    }
}
