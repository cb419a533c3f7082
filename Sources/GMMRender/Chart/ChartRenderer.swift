import GMMFiles
import GMMImage

/// Renders ``CriterionChart``s: to pixels (PNG) or to SVG/PDF bytes, and to files atomically.
///
/// A value type holding only options; every call makes its own Cairo surface.
public struct ChartRenderer: Sendable {
    public let options: ChartOptions

    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for invalid options.
    public init(options: ChartOptions = ChartOptions()) throws {
        try options.validate()
        self.options = options
    }

    /// Where everything goes, in logical pixels.
    public func layout(for chart: CriterionChart) -> ChartLayout {
        ChartLayout(options: options, chart: chart)
    }

    /// The chart as pixels, in `RGBImage`'s layout, of the options' size × scale.
    public func renderRaster(_ chart: CriterionChart) throws -> RGBImage {
        try SurfaceRendering.raster(width: options.deviceWidth, height: options.deviceHeight, scale: options.scale) { _, context, _ in
            try ChartDrawer(context: context, chart: chart, layout: layout(for: chart), options: options).draw()
        }
    }

    /// The chart encoded in `format`; SVG and PDF are byte-identical across runs.
    public func render(_ chart: CriterionChart, format: FrameFormat) throws -> [UInt8] {
        switch format {
        case .png:
            return try renderRaster(chart).pngData()
        case .svg, .pdf:
            return try SurfaceRendering.vector(format, width: Double(options.width), height: Double(options.height),
                                               title: chart.title) { context in
                try ChartDrawer(context: context, chart: chart, layout: layout(for: chart), options: options).draw()
            }
        }
    }

    /// Renders `chart` in `format` to `path`, atomically.
    public func write(_ chart: CriterionChart, format: FrameFormat, to path: String) throws {
        try AtomicFile.write(render(chart, format: format), to: path)
    }
}
