import ArgumentParser
import GMMRender

extension Theme: ExpressibleByArgument {}
extension RenderOptions.Aspect: ExpressibleByArgument {}
extension RenderOptions.Preset: ExpressibleByArgument {}

/// How each frame is drawn: the renderer's options on the command line.
struct DrawingOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Frame size in pixels, WIDTHxHEIGHT (default 1000x600); text and strokes scale with the smaller side.", valueName: "WxH"), transform: FrameSize.init(parsing:))
    var size: FrameSize?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Frame for slides: slides (1920x1080, 16:9) or slides-4x3 (1440x1080), with text 2.25x larger for a lecture hall; --size overrides the shape, --text-scale the text.", valueName: "preset"))
    var preset: RenderOptions.Preset?

    @Option(name: .customLong("text-scale"), parsing: .unconditional, help: "Text size relative to the default frame's, 0.5 to 4, on top of the growth with the frame's size (default: 1, or 2.25 with --preset).", transform: Numbers.decimal)
    var textScale: Double?

    @Option(name: .long, parsing: .unconditional, help: "Device pixels per frame pixel for PNG and GIF output: 2 renders the same picture at twice the width and height, for high-DPI screens (vector output ignores it). (default: 1)", transform: Numbers.decimal)
    var scale: Double = 1

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Data window 'xmin,xmax,ymin,ymax', or 'auto' for the data's extent plus a margin (default: -10,10,-10,10 for the built-in demo, auto for --data and for pca; pairs always fits each column).", valueName: "window"), transform: WindowBounds.init(parsing:))
    var bounds: WindowBounds?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("equal: one scale on both axes, so circles are round; fill: stretch the window over the plot; auto (default): equal unless the window's ranges differ by more than 2x.", valueName: "mode"))
    var aspect: RenderOptions.Aspect?

    @Flag(name: .customLong("equal-aspect"), help: "Same as --aspect equal.")
    var equalAspect = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The two data columns to draw, 1-based, e.g. '1,3' (default 1,2).", valueName: "i,j"), transform: ColumnPair.init(parsing:))
    var axes: ColumnPair?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The picture: 2d (two columns, the default), 1d or 1d:N (one column's densities; automatic for one-column data), pairs (every pair, up to 6 columns) or pca (the first two principal axes).", valueName: "view"))
    var view: ViewChoice?

    @Option(name: .long, parsing: .unconditional, help: "The mixture's density under the points: none, contours (at the levels enclosing 25, 50, 75 and 95 % of its mass) or shade.")
    var density: DensityStyle = .none

    @Flag(name: .long, help: "Tint the background by the component with the largest responsibility.")
    var regions = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Standard deviations at which to draw each component's ellipses. (default: 1,2)", valueName: "list"), transform: NumberList.init(parsing:))
    var sigmas = NumberList([1, 2])

    @Option(name: .long, parsing: .unconditional, help: "Title above the plot ('' for none).")
    var title: String = "GMM visualization"

    @Option(name: .long, parsing: .unconditional, help: "Colour theme: light (white background) or dark.")
    var theme: Theme = .light

    @Option(name: .customLong("point-radius"), parsing: .unconditional, help: "Radius of the data points in pixels (shrunk automatically above 2,000 points). (default: 2.5)", transform: Numbers.decimal)
    var pointRadius: Double = 2.5

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Data rows, 1-based (the first row after a header is 1), whose responsibilities are drawn as bars beside the plot on every frame and ringed with their number in the plot, at most 6, e.g. '12,57'.", valueName: "rows"), transform: PinList.init(parsing:))
    var pin: PinList?

    @Flag(name: .customLong("no-points"), help: "Do not draw the data points.") var noPoints = false
    @Flag(name: .customLong("no-ellipses"), help: "Do not draw the covariance ellipses.") var noEllipses = false
    @Flag(name: .customLong("no-means"), help: "Do not draw the mean markers.") var noMeans = false
    @Flag(name: .customLong("no-trails"), help: "Do not draw the paths of the means.") var noTrails = false
    @Flag(name: .customLong("no-inset"), help: "Do not draw the log-likelihood inset.") var noInset = false
    @Flag(name: .customLong("no-legend"), help: "Do not draw the component weights.") var noLegend = false
    @Flag(name: .customLong("no-key"), help: "Do not draw the key explaining ellipses, markers and colours.") var noKey = false
    @Flag(name: .customLong("no-header"), help: "Do not draw the iteration and log-likelihood line.") var noHeader = false
    @Flag(name: .customLong("no-grid"), help: "Do not draw the grid.") var noGrid = false

    func validate() throws {
        _ = try renderOptions(dimension: nil)
    }

    /// The view drawn: `--view`, or 1d for one-column data and 2d otherwise.
    static func effectiveView(_ view: ViewChoice?, dimension: Int?) -> ViewChoice {
        view ?? (dimension == 1 ? .line(column: nil) : .plane)
    }

    /// The view's name as typed.
    static func name(of view: ViewChoice) -> String {
        switch view {
        case .plane: return "2d"
        case .line: return "1d"
        case .pairs: return "pairs"
        case .pca: return "pca"
        }
    }

    /// The renderer's options; with `dimension`, checked against the data too. Without
    /// `--bounds`, the built-in demo keeps the notebook's ±10 canvas and data from a file gets a
    /// window that fits it: a CSV's columns may lie anywhere.
    func renderOptions(dimension: Int?, builtInDemo: Bool = true) throws -> RenderOptions {
        var o = RenderOptions()
        if let size {
            (o.width, o.height) = (size.width, size.height)
        } else if let preset {
            (o.width, o.height) = preset.size
        }
        o.scale = scale
        o.textScale = textScale ?? preset?.textScale ?? 1
        let viewChoice = Self.effectiveView(view, dimension: dimension)
        o.bounds = bounds?.bounds ?? (viewChoice == .pca || !builtInDemo ? .auto : o.bounds)
        if equalAspect, let aspect, aspect != .equal {
            throw ValidationError("--equal-aspect and --aspect \(aspect.rawValue) disagree; give one of them")
        }
        o.aspect = equalAspect ? .equal : aspect ?? .auto
        if let axes {
            if viewChoice != .plane {
                throw ValidationError("--axes picks the two columns of the 2d view; drop it for --view \(Self.name(of: viewChoice))\(viewChoice == .line(column: nil) ? " and pick the column as --view 1d:N" : "")")
            }
            o.axes = axes.axes
        }
        switch viewChoice {
        case .plane: o.view = .plane
        case .pca: o.view = .pca
        case let .line(column): o.view = .line(column: (column ?? 1) - 1)
        case .pairs:
            if let dimension { o.view = .pairs(columns: Array(0 ..< dimension)) }
        }
        o.density = density
        o.showRegions = regions
        if case .line = viewChoice, density != .none || regions {
            throw ValidationError("--density and --regions draw on a 2-D view; the 1d view already shows the mixture density")
        }
        o.sigmas = sigmas.values
        o.title = title
        o.theme = theme
        o.pointRadius = pointRadius
        o.showPoints = !noPoints
        o.showEllipses = !noEllipses
        o.showMeans = !noMeans
        o.showTrails = !noTrails
        o.showInset = !noInset
        o.showLegend = !noLegend
        o.showKey = !noKey
        o.showHeader = !noHeader
        o.showGrid = !noGrid
        o.pins = pin?.points ?? []
        try ErrorMessages.validating { try o.validate(dimension: dimension) }
        return o
    }
}
