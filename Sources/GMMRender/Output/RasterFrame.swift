/// A rendered frame in memory.
///
/// Layout: `width` × `height` device pixels in `pixels`, row-major, top row first, no padding
/// (stride = `width` words = 4 · `width` bytes). Each pixel is a `UInt32` 0x00RRGGBB — red in
/// bits 16–23, green in 8–15, blue in 0–7, the top byte always 0 — i.e. Cairo's RGB24 read as
/// native 32-bit words. Opaque: there is no alpha. This is the GIF encoder's input as is.
public struct RasterFrame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height` pixels, 0x00RRGGBB, row-major, top row first.
    public var pixels: [UInt32]

    public init(width: Int, height: Int, pixels: [UInt32]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height,
                     "a \(width) × \(height) frame holds \(width * height) pixels, not \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixel in column `x`, row `y` (0-based, y downward), as 0x00RRGGBB.
    public subscript(x: Int, y: Int) -> UInt32 {
        pixels[y * width + x]
    }
}
