import ArgumentParser
import Foundation
import GMMRender

extension Theme: ExpressibleByArgument {}
extension RenderOptions.Aspect: ExpressibleByArgument {}
extension RenderOptions.Preset: ExpressibleByArgument {}

/// How each frame is drawn: the renderer's options on the command line.
struct DrawingOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Frame size in pixels, WIDTHxHEIGHT (default 1000x600); text and strokes scale with the smaller side.", valueName: "WxH"))
    var size: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Frame shape for slides: slides (1920x1080, 16:9) or slides-4x3 (1440x1080); --size overrides it.", valueName: "preset"))
    var preset: RenderOptions.Preset?

    @Option(name: .long, parsing: .unconditional, help: "Device pixels per frame pixel for PNG and GIF output: 2 renders the same picture at twice the width and height, for high-DPI screens (vector output ignores it).")
    var scale: Double = 1

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Data window 'xmin,xmax,ymin,ymax', or 'auto' for the data's extent plus a margin.", valueName: "window"))
    var bounds: String = "-10,10,-10,10"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("equal: one scale on both axes, so circles are round; fill: stretch the window over the plot; auto (default): equal unless the window's ranges differ by more than 2x.", valueName: "mode"))
    var aspect: RenderOptions.Aspect?

    @Flag(name: .customLong("equal-aspect"), help: "Same as --aspect equal.")
    var equalAspect = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The two data columns to draw, 1-based, e.g. '1,3' (default 1,2).", valueName: "i,j"))
    var axes: String = "1,2"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Standard deviations at which to draw each component's ellipses.", valueName: "list"))
    var sigmas: String = "1,2"

    @Option(name: .long, parsing: .unconditional, help: "Title above the plot ('' for none).")
    var title: String = "GMM visualization"

    @Option(name: .long, parsing: .unconditional, help: "Colour theme: light (white background) or dark.")
    var theme: Theme = .light

    @Option(name: .customLong("point-radius"), parsing: .unconditional, help: "Radius of the data points in pixels (shrunk automatically above 2,000 points).")
    var pointRadius: Double = 2.5

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

    /// The renderer's options; `dimension` checks `--axes` against the data.
    func renderOptions(dimension: Int?) throws -> RenderOptions {
        var o = RenderOptions()
        if let size {
            let wh = size.lowercased().split(separator: "x", omittingEmptySubsequences: false)
            guard wh.count == 2, let w = Int(wh[0]), let h = Int(wh[1]) else {
                throw ValidationError("--size \"\(size)\" is not WIDTHxHEIGHT; write e.g. 1000x600")
            }
            o.width = w
            o.height = h
        } else if let preset {
            (o.width, o.height) = preset.size
        }
        o.scale = scale
        if bounds.lowercased() == "auto" {
            o.bounds = .auto
        } else {
            let v = bounds.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard v.count == 4, let x0 = v[0], let x1 = v[1], let y0 = v[2], let y1 = v[3] else {
                throw ValidationError("--bounds \"\(bounds)\" is not 'xmin,xmax,ymin,ymax' or 'auto'; write e.g. -10,10,-10,10")
            }
            o.bounds = .fixed(xmin: x0, xmax: x1, ymin: y0, ymax: y1)
        }
        if equalAspect, let aspect, aspect != .equal {
            throw ValidationError("--equal-aspect and --aspect \(aspect.rawValue) disagree; give one of them")
        }
        o.aspect = equalAspect ? .equal : aspect ?? .auto
        let ax = axes.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard ax.count == 2, let i = ax[0], let j = ax[1], i >= 1, j >= 1 else {
            throw ValidationError("--axes \"\(axes)\" is not two 1-based column numbers; write e.g. 1,3")
        }
        // Checked here in the command line's 1-based numbering; the library counts from 0.
        guard i != j else { throw ValidationError("--axes \(i),\(j): choose two different columns") }
        if let dimension {
            guard dimension >= 2 else {
                throw ValidationError("the data has 1 column but a frame draws two; give data with at least two numeric columns (gmmviz fit works on one)")
            }
            guard (1 ... dimension).contains(i), (1 ... dimension).contains(j) else {
                throw ValidationError("--axes \(i),\(j): the data has \(dimension) columns, numbered 1 to \(dimension)")
            }
        } else if i < 1 || j < 1 {
            throw ValidationError("--axes \(i),\(j): columns are numbered from 1")
        }
        o.axes = RenderOptions.Axes(x: i - 1, y: j - 1)
        let s = sigmas.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !s.isEmpty, s.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--sigmas \"\(sigmas)\" is not a list of numbers; write e.g. 1,2")
        }
        o.sigmas = s.compactMap { $0 }
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
        try ErrorMessages.validating { try o.validate(dimension: dimension) }
        return o
    }
}
