/// The size of a frame: its logical canvas and the device pixels it is drawn at.
///
/// Text, strokes and layout are in logical pixels; a raster frame has `scale` device pixels per
/// logical pixel in each direction (a vector frame is `width` × `height` px in SVG, pt in PDF).
public struct FrameSize: Sendable, Equatable {
    /// Logical width and height.
    public var width: Int
    public var height: Int
    /// Device pixels per logical pixel.
    public var scale: Double

    public init(width: Int, height: Int, scale: Double) {
        self.width = width
        self.height = height
        self.scale = scale
    }

    /// The size of the frames drawn with `options`.
    public init(_ options: RenderOptions) {
        self.init(width: options.width, height: options.height, scale: options.scale)
    }

    /// Width of a raster frame in device pixels: the logical width × scale, rounded.
    public var deviceWidth: Int { Int((Double(width) * scale).rounded()) }
    /// Height of a raster frame in device pixels.
    public var deviceHeight: Int { Int((Double(height) * scale).rounded()) }
}
