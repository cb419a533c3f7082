internal import CCairo
import GMMFiles

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

    /// The chart as pixels, in ``RasterFrame``'s layout, of the options' size × scale.
    public func renderRaster(_ chart: CriterionChart) throws -> RasterFrame {
        let w = options.deviceWidth, h = options.deviceHeight
        var pixels = [UInt32](repeating: 0, count: w * h)
        try pixels.withUnsafeMutableBufferPointer { buffer in
            guard let words = buffer.baseAddress else { return }
            let bytes = UnsafeMutableRawPointer(words).assumingMemoryBound(to: UInt8.self)
            let surface = try CairoSurface.rgb24(over: bytes, width: w, height: h, stride: 4 * w)
            let context = try CairoContext(surface)
            context.scale(options.scale)
            try ChartDrawer(context: context, chart: chart, layout: layout(for: chart), options: options).draw()
            try surface.flush()
            try surface.finish()
            withExtendedLifetime(context) {}
        }
        for i in pixels.indices { pixels[i] &= 0x00FF_FFFF }
        return RasterFrame(width: w, height: h, pixels: pixels)
    }

    /// The chart encoded in `format`; SVG and PDF are byte-identical across runs.
    public func render(_ chart: CriterionChart, format: FrameFormat) throws -> [UInt8] {
        switch format {
        case .png:
            return try renderRaster(chart).pngData()
        case .svg, .pdf:
            let sink = MemorySink()
            let w = Double(options.width), h = Double(options.height)
            let surface = format == .svg
                ? try CairoSurface.svg(into: sink, width: w, height: h)
                : try CairoSurface.pdf(into: sink, width: w, height: h, title: chart.title)
            let context = try CairoContext(surface)
            try ChartDrawer(context: context, chart: chart, layout: layout(for: chart), options: options).draw()
            try surface.finish()
            withExtendedLifetime(context) {}
            return format == .svg ? SVGIdentifiers.normalize(sink.bytes) : sink.bytes
        }
    }

    /// Renders `chart` in `format` to `path`, atomically.
    public func write(_ chart: CriterionChart, format: FrameFormat, to path: String) throws {
        try AtomicFile.write(render(chart, format: format), to: path)
    }
}
