import GMMImage

extension RGBImage {
    /// The frame encoded as PNG (8-bit RGB; see `PNGEncoder` for how and why not through Cairo).
    public func pngData() throws -> [UInt8] {
        guard isWellFormed else {
            throw RenderError.invalidScene("cannot encode a \(width) × \(height) frame of \(pixels.count) pixels as PNG")
        }
        return try PNGEncoder.encode(width: width, height: height, pixels: pixels)
    }
}
