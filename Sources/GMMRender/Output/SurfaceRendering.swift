internal import CCairo
import GMMImage

/// The surface handling every renderer shares: a raster drawn over a frame buffer it owns, or
/// a vector document drawn into memory. Renderers only say what to draw.
enum SurfaceRendering {
    /// Draws into an RGB24 surface over a fresh `width × height` buffer and returns it in
    /// ``RGBImage``'s layout.
    ///
    /// The context is already scaled by `scale` (logical → device pixels). `draw` also gets the
    /// buffer itself, `width × height` words, for code that writes pixels directly (between
    /// `surface.flush()` and `surface.markDirty()`).
    static func raster(width w: Int, height h: Int, scale: Double,
                       draw: (CairoSurface, CairoContext, UnsafeMutablePointer<UInt32>) throws -> Void) throws -> RGBImage {
        // RGB24 rows are 4-byte aligned words; the buffer has no padding only if Cairo agrees.
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
            // Vector surfaces never hint; unhinted raster text sits where a frame's PDF or SVG
            // puts it, so raster and vector frames agree.
            context.useUnhintedText()
            context.scale(scale)
            try draw(surface, context, words)
            try surface.flush()
            try surface.finish()
            // The context holds the surface; both must live until the pixels are complete.
            withExtendedLifetime(context) {}
        }
        // RGB24 leaves the top byte unspecified; the documented layout has it 0.
        for i in pixels.indices { pixels[i] &= 0x00FF_FFFF }
        return RGBImage(width: w, height: h, pixels: pixels)
    }

    /// Draws a `width × height` SVG (in px) or one-page PDF (in pt, titled `title`) and returns
    /// its bytes; `format` is `.svg` or `.pdf` (a PNG is a raster: see ``raster(width:height:scale:draw:)``).
    /// SVG identifiers are renumbered so equal drawings give equal bytes.
    static func vector(_ format: FrameFormat, width: Double, height: Double, title: String,
                       draw: (CairoContext) throws -> Void) throws -> [UInt8] {
        let sink = MemorySink()
        let surface = format == .svg
            ? try CairoSurface.svg(into: sink, width: width, height: height)
            : try CairoSurface.pdf(into: sink, width: width, height: height, title: title)
        let context = try CairoContext(surface)
        try draw(context)
        try context.check("drawing the \(format.rawValue.uppercased()) document")
        try surface.finish()
        withExtendedLifetime(context) {}
        return format == .svg ? SVGIdentifiers.normalize(sink.bytes) : sink.bytes
    }
}
