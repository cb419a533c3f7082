internal import CCairo
import GMMFiles

/// Renders scenes with fixed options: to an in-memory raster (for PNG and the GIF encoder) or
/// to SVG/PDF bytes, and writes files atomically.
///
/// A value type holding only options; every call makes its own Cairo surface, so one renderer
/// may be used from many tasks at once.
public struct FrameRenderer: Sendable {
    public let options: RenderOptions

    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for invalid options.
    public init(options: RenderOptions = RenderOptions()) throws {
        try options.validate()
        self.options = options
    }

    /// Where everything goes for `scene`, in logical pixels (multiply by `options.scale` for
    /// raster device pixels).
    public func layout(for scene: Scene) throws -> FrameLayout {
        try FrameLayout(options: options, scene: scene)
    }

    /// The frame as pixels; see ``RasterFrame`` for the layout. Its size is the options' size ×
    /// scale.
    public func renderRaster(_ scene: Scene) throws -> RasterFrame {
        let layout = try layout(for: scene)
        let w = options.deviceWidth, h = options.deviceHeight
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(w)))
        guard stride == 4 * w else {
            throw RenderError.cairo(call: "cairo_format_stride_for_width", status: "stride \(stride) for width \(w), expected \(4 * w)", code: -1)
        }
        var pixels = [UInt32](repeating: 0, count: w * h)
        try pixels.withUnsafeMutableBufferPointer { buffer in
            guard let words = buffer.baseAddress else { return }
            let bytes = UnsafeMutableRawPointer(words).assumingMemoryBound(to: UInt8.self)
            let surface = try CairoSurface.rgb24(over: bytes, width: w, height: h, stride: stride)
            let context = try CairoContext(surface)
            context.useUnhintedText()
            context.scale(options.scale)
            let drawer = FrameDrawer(context: context, scene: scene, layout: layout, options: options)
            let s = options.scale
            let plot = layout.plot
            let stamper = PointStamper(
                pixels: words, width: w, height: h,
                clip: (max(0, Int((plot.x * s).rounded())), max(0, Int((plot.y * s).rounded())),
                       min(w, Int((plot.maxX * s).rounded())), min(h, Int((plot.maxY * s).rounded()))))
            try drawer.draw {
                try surface.flush()
                stamper.stamp(drawer, scale: s)
                try surface.markDirty()
            }
            try surface.finish()
            withExtendedLifetime(context) {}
        }
        // RGB24 leaves the top byte unspecified; the documented layout has it 0.
        for i in pixels.indices { pixels[i] &= 0x00FF_FFFF }
        return RasterFrame(width: w, height: h, pixels: pixels)
    }

    /// The frame encoded in `format`. SVG and PDF are byte-identical across runs for equal scenes.
    public func render(_ scene: Scene, format: FrameFormat) throws -> [UInt8] {
        switch format {
        case .png:
            return try renderRaster(scene).pngData()
        case .svg, .pdf:
            let layout = try layout(for: scene)
            let sink = MemorySink()
            let w = Double(options.width), h = Double(options.height)
            let surface = format == .svg
                ? try CairoSurface.svg(into: sink, width: w, height: h)
                : try CairoSurface.pdf(into: sink, width: w, height: h, title: options.title)
            try drawVector(scene, layout: layout, on: surface)
            try surface.finish()
            return format == .svg ? SVGIdentifiers.normalize(sink.bytes) : sink.bytes
        }
    }

    /// Draws `scene` on one page of a vector surface (SVG or PDF), with Cairo paths for the
    /// points; the page is left open for the caller to finish or show.
    func drawVector(_ scene: Scene, layout: FrameLayout, on surface: CairoSurface) throws {
        let context = try CairoContext(surface)
        let drawer = FrameDrawer(context: context, scene: scene, layout: layout, options: options)
        try drawer.draw { drawer.drawVectorPoints() }
        try context.check("drawing the frame")
    }

    /// Renders `scene` as PNG to `path` atomically.
    public func writePNG(_ scene: Scene, to path: String) throws {
        try AtomicFile.write(render(scene, format: .png), to: path)
    }

    /// Renders `scene` as SVG to `path` atomically.
    public func writeSVG(_ scene: Scene, to path: String) throws {
        try AtomicFile.write(render(scene, format: .svg), to: path)
    }

    /// Renders `scene` as PDF to `path` atomically.
    public func writePDF(_ scene: Scene, to path: String) throws {
        try AtomicFile.write(render(scene, format: .pdf), to: path)
    }

    /// Renders `scene` in `format` to `path` atomically.
    public func write(_ scene: Scene, format: FrameFormat, to path: String) throws {
        try AtomicFile.write(render(scene, format: format), to: path)
    }
}
