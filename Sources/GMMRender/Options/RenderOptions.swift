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

    /// How data units map to pixels on the two axes.
    public enum Aspect: String, Sendable, Equatable, CaseIterable {
        /// One data unit has the same length on both axes, so a circle is drawn as a circle; the
        /// plot area shrinks to the window's shape and the side column takes the width freed.
        case equal
        /// The window fills the plot area, each axis at its own scale (shapes are stretched).
        case fill
        /// ``equal`` when the window's two ranges are within ``RenderOptions/equalAspectFactor``
        /// of each other, ``fill`` otherwise.
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
    /// How much larger text is than on the default frame, beyond the growth with the frame's
    /// size that every element has (see ``FrameStyle``): 1 for screens,
    /// ``slideTextScale`` for slides.
    public var textScale: Double = 1
    public var bounds: Bounds = .fixed(xmin: -10, xmax: 10, ymin: -10, ymax: 10)
    /// How data units map to pixels; the default draws the ±10 window at equal scale.
    public var aspect: Aspect = .auto
    /// Whether one data unit has the same length on both axes: `true` sets ``aspect`` to
    /// ``Aspect/equal``, `false` to ``Aspect/fill``.
    public var equalAspect: Bool {
        get { aspect == .equal }
        set { aspect = newValue ? .equal : .fill }
    }
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
    /// The key explaining the ellipses, markers, trail and point colours, in the side column.
    public var showKey: Bool = true
    /// The "iteration i / n · mean log-likelihood …" line under the title.
    public var showHeader: Bool = true
    public var showGrid: Bool = true
    /// The plot frame, ticks, tick labels and axis labels.
    public var showAxes: Bool = true
    /// The title above the plot; empty hides it.
    public var title: String = "GMM visualization"
    public var theme: Theme = .light
    /// Radius of a data point in logical pixels on a frame whose smaller side is 600 pixels;
    /// like every size on the frame it scales with the frame (see ``FrameStyle``).
    public var pointRadius: Double = 2.5
    /// Above this many points, the points are drawn as a density image (see
    /// ``densityThreshold``); `nil` uses the default.
    public var densityAbove: Int? = nil
    /// A notice drawn across the plot of the frames of the history's last snapshot (why the
    /// fit ended there), or nil.
    public var finalBanner: FrameBanner? = nil
    /// Points whose responsibilities are drawn as a bar beside the plot on every frame, and
    /// ringed with their number in the plot: 0-based indices into the data, at most
    /// ``maxPins``, each once.
    public var pins: [Int] = []
    /// The number of samples of the data set the drawn points are a uniform random sample of,
    /// or nil when the points are the whole data set; the header then says "sample of n of N
    /// points", so a viewer never takes the points for all the data.
    public var sampledFrom: Int? = nil

    /// The point count above which points become a density image: 20,000. Below it discs of
    /// the shrunk radius still read as single points; above it a 1000 × 600 plot has more
    /// points than it has pixels of cloud, discs pile into solid blobs and only aggregation
    /// per pixel shows where the mass is.
    public static let densityThreshold = 20_000

    /// The most points ``pins`` may hold: 6 bars fit the side column above the key.
    public static let maxPins = 6

    /// The largest ratio of the window's two ranges for which ``Aspect/auto`` uses equal scale:
    /// 2. Up to it an equal-scale plot keeps at least half the area a filled plot would get,
    /// and shapes stay true; beyond it the data would be a thin strip, and the stretch is the
    /// lesser evil.
    public static let equalAspectFactor = 2.0

    /// The text scale of the slide presets: 2.25. Captions (13 units) and tick labels (13.5
    /// units) then have a cap height of 0.729 × 13 × 2.25 / 600 = 3.55 % of the frame's height
    /// or more: about 38 pixels on a 1080-pixel slide, 10 cm on a 3 m-high projection, which a
    /// reader at 30 m still sees under the 5 arc-minutes of a 6/6 acuity letter row.
    public static let slideTextScale = 2.25
    /// The range of ``textScale``: from half the default, still legible at 600 pixels, to 4.
    public static let textScaleRange = 0.5 ... 4.0

    /// Margin added on each side by ``Bounds/auto``, as a fraction of the data's span.
    public static let autoMargin = 0.08
    /// Largest device size per side: beyond it a frame is a mistake, not a picture.
    public static let maxSide = 16_384
    /// Largest device pixel count (64 Mpx, 256 MB as RGB24).
    public static let maxPixels = 64 << 20

    public init() {}

    /// Every element hidden, and the window filling the whole canvas (``Aspect/fill``): only the
    /// background, plus what the caller turns back on. For tests and for compositing.
    public static var bare: RenderOptions {
        var o = RenderOptions()
        o.showPoints = false
        o.showTrails = false
        o.showEllipses = false
        o.showMeans = false
        o.showInset = false
        o.showLegend = false
        o.showKey = false
        o.aspect = .fill
        o.showHeader = false
        o.showGrid = false
        o.showAxes = false
        o.title = ""
        return o
    }

    /// The device size of raster output: logical size × ``scale``, rounded.
    public var deviceWidth: Int { FrameSize(self).deviceWidth }
    public var deviceHeight: Int { FrameSize(self).deviceHeight }

    /// Slide-sized frames for projectors: `slides` is 1920 × 1080 (16:9) and `slides4x3` is
    /// 1440 × 1080 (4:3). Strokes scale with the frame, so a slide frame is the default
    /// picture, sharper; text is ``RenderOptions/slideTextScale`` times larger again, for a hall.
    public enum Preset: String, Sendable, CaseIterable {
        case slides
        case slides4x3 = "slides-4x3"

        /// Width and height in logical pixels.
        public var size: (width: Int, height: Int) {
            switch self {
            case .slides: return (1920, 1080)
            case .slides4x3: return (1440, 1080)
            }
        }

        /// The text scale of slides: ``RenderOptions/slideTextScale``.
        public var textScale: Double { RenderOptions.slideTextScale }
    }
}
