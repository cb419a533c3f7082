/// How to draw a frame: size, data window, projection, which elements to show, and style.
///
/// The defaults reproduce the notebook's figure — 1000 × 600 pixels (10 × 6 inches at 100 dpi),
/// x and y in [−10, 10], title "GMM visualization" — with every element shown.
public struct RenderOptions: Sendable, Equatable {
    /// The data window drawn in the plot area.
    public enum Bounds: Sendable, Equatable {
        /// A fixed window, the same on every frame of an animation.
        case fixed(xmin: Double, xmax: Double, ymin: Double, ymax: Double)
        /// The points' extent plus a margin of ``RenderOptions/autoMargin`` of the span on each side.
        case auto
    }

    /// Two 0-based data columns: the one drawn horizontally and the one drawn vertically.
    public struct Axes: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    /// Logical width in pixels (before ``scale``).
    public var width: Int = 1000
    /// Logical height in pixels (before ``scale``).
    public var height: Int = 600
    /// Device pixels per logical pixel for raster output (2 for high-DPI); vector output ignores it.
    public var scale: Double = 1
    public var bounds: Bounds = .fixed(xmin: -10, xmax: 10, ymin: -10, ymax: 10)
    /// One data unit has the same length on both axes; the plot area shrinks to keep it so.
    public var equalAspect: Bool = false
    /// The data columns to draw, default the first two.
    public var axes: Axes = Axes(x: 0, y: 1)
    /// Standard deviations at which each component's ellipses are drawn.
    public var sigmas: [Double] = [1, 2]
    /// The picture drawn: two columns (the default), one column, all pairs, or principal axes.
    public var view: FrameView = .plane
    /// The mixture's density under the points of the 2-D views (plane, pairs, PCA).
    public var density: DensityStyle = .none
    /// Tint the background of the 2-D views by the component with the largest responsibility.
    public var showRegions: Bool = false

    public var showPoints: Bool = true
    public var showTrails: Bool = true
    public var showEllipses: Bool = true
    public var showMeans: Bool = true
    /// The log-likelihood-against-iteration inset in the side panel.
    public var showInset: Bool = true
    /// The component legend (colours and weights) in the side panel.
    public var showLegend: Bool = true
    /// The "iteration i / n · mean log-likelihood …" line under the title.
    public var showHeader: Bool = true
    public var showGrid: Bool = true
    /// The plot frame, ticks, tick labels and axis labels.
    public var showAxes: Bool = true
    /// The title above the plot; empty hides it.
    public var title: String = "GMM visualization"
    public var theme: Theme = .light
    /// Radius of a data point in logical pixels.
    public var pointRadius: Double = 2.5

    /// Margin added on each side by ``Bounds/auto``, as a fraction of the data's span.
    public static let autoMargin = 0.08
    /// Largest device size per side: beyond it a frame is a mistake, not a picture.
    public static let maxSide = 16_384
    /// Largest device pixel count (64 Mpx, 256 MB as RGB24).
    public static let maxPixels = 64 << 20

    public init() {}

    /// Every element hidden: only the background, plus what the caller turns back on. For tests
    /// and for compositing.
    public static var bare: RenderOptions {
        var o = RenderOptions()
        o.showPoints = false
        o.showTrails = false
        o.showEllipses = false
        o.showMeans = false
        o.showInset = false
        o.showLegend = false
        o.showHeader = false
        o.showGrid = false
        o.showAxes = false
        o.title = ""
        return o
    }

    /// The device size of raster output: logical size × ``scale``, rounded.
    public var deviceWidth: Int { Int((Double(width) * scale).rounded()) }
    public var deviceHeight: Int { Int((Double(height) * scale).rounded()) }
}
