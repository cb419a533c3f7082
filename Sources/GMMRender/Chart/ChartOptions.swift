/// How to draw a ``CriterionChart``: size, scale and theme. The colours, fonts and line styles
/// are the frame renderer's (``Theme``, ``RenderPalette``, DejaVu Sans).
public struct ChartOptions: Sendable, Equatable {
    /// Logical width in pixels (before ``scale``).
    public var width: Int = 800
    /// Logical height in pixels (before ``scale``).
    public var height: Int = 480
    /// Device pixels per logical pixel for PNG; vector output ignores it.
    public var scale: Double = 1
    public var theme: Theme = .light

    public init() {}

    public var deviceWidth: Int { FrameSize(width: width, height: height, scale: scale).deviceWidth }
    public var deviceHeight: Int { FrameSize(width: width, height: height, scale: scale).deviceHeight }

    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for a size below 320 × 200,
    ///   a scale outside [``RenderOptions/minScale``, 8] or more device pixels than a frame may hold.
    public func validate() throws {
        guard width >= 320, height >= 200 else {
            throw RenderError.invalidOption(.chartSize, value: "\(width)x\(height)",
                                            fix: "a chart needs at least 320 x 200 pixels, e.g. 800x480")
        }
        guard scale.isFinite, scale >= RenderOptions.minScale, scale <= 8 else {
            throw RenderError.invalidOption(.chartScale, value: "\(scale)", fix: "use a factor from \(RenderOptions.minScale) to 8")
        }
        guard deviceWidth <= RenderOptions.maxSide, deviceHeight <= RenderOptions.maxSide,
              deviceWidth * deviceHeight <= RenderOptions.maxPixels else {
            throw RenderError.invalidOption(.chartSize, value: "\(width)x\(height) at scale \(scale)",
                                            fix: "at most \(RenderOptions.maxSide) device pixels per side; reduce the size or the scale")
        }
    }
}
