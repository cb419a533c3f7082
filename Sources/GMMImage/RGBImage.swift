/// An opaque RGB image: the pixels of a drawn frame, as every stage after drawing sees them.
///
/// Memory layout: `pixels` holds `width × height` values, row-major, top row first, no padding
/// (the stride is `width` pixels, `4 × width` bytes). Each pixel is a `UInt32` `0x00RRGGBB`:
/// red in bits 16–23, green in 8–15, blue in 0–7, the top byte 0 (readers ignore it). There is
/// no alpha. This is Cairo's `RGB24` read as native 32-bit words on little-endian machines with
/// a stride of `4 × width`, so the renderer fills it in place, and the PNG encoder, the GIF
/// palette and the HTML player read it as it is, without conversion.
public struct RGBImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width × height` pixels, `0x00RRGGBB`, row-major, top row first.
    public var pixels: [UInt32]

    /// Creates an image; `pixels.count` must equal `width × height` (the encoders check it and
    /// throw otherwise).
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

    /// Whether `pixels` holds exactly `width × height` values of a non-empty image.
    public var isWellFormed: Bool {
        width > 0 && height > 0 && pixels.count == width * height
    }

    /// The pixel in column `x`, row `y` (0-based, y downward), as `0x00RRGGBB`.
    public subscript(x: Int, y: Int) -> UInt32 {
        pixels[y * width + x]
    }
}
