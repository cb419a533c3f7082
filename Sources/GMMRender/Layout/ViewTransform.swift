/// A rectangle in logical pixels; y grows downward.
public struct PixelRect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}

/// A data window: the ranges of the two drawn columns shown in the plot area.
public struct DataWindow: Sendable, Equatable {
    public var xmin: Double
    public var xmax: Double
    public var ymin: Double
    public var ymax: Double

    public init(xmin: Double, xmax: Double, ymin: Double, ymax: Double) {
        self.xmin = xmin
        self.xmax = xmax
        self.ymin = ymin
        self.ymax = ymax
    }
}

/// The affine map from data units to logical pixels: the window's corners go to the plot
/// rectangle's corners, (xmin, ymax) to the top left and (xmax, ymin) to the bottom right.
///
/// pixel.x = plot.x + (x − xmin) · sx, pixel.y = plot.y + (ymax − y) · sy, with
/// sx = plot.width / (xmax − xmin) and sy = plot.height / (ymax − ymin). sx ≠ sy unless the
/// aspect is equal, which is why ellipses are mapped through the full linear part.
public struct ViewTransform: Sendable, Equatable {
    public let window: DataWindow
    public let plot: PixelRect
    /// Pixels per data unit horizontally.
    public let sx: Double
    /// Pixels per data unit vertically (the map flips y, so the linear part is diag(sx, −sy)).
    public let sy: Double

    public init(window: DataWindow, plot: PixelRect) {
        self.window = window
        self.plot = plot
        sx = plot.width / (window.xmax - window.xmin)
        sy = plot.height / (window.ymax - window.ymin)
    }

    /// Data → logical pixels.
    public func pixel(_ p: Point2) -> Point2 {
        Point2(x: plot.x + (p.x - window.xmin) * sx, y: plot.y + (window.ymax - p.y) * sy)
    }

    /// Logical pixels → data.
    public func data(_ p: Point2) -> Point2 {
        Point2(x: window.xmin + (p.x - plot.x) / sx, y: window.ymax - (p.y - plot.y) / sy)
    }

    /// A data-space vector → a pixel-space vector (the linear part only).
    func vector(_ v: Point2) -> Point2 {
        Point2(x: v.x * sx, y: -v.y * sy)
    }
}
