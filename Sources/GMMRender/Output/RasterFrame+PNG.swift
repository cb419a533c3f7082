internal import CCairo

extension RasterFrame {
    /// The frame encoded as PNG (8-bit RGB; see ``PNGEncoder`` for why not through Cairo).
    public func pngData() throws -> [UInt8] {
        guard width > 0, height > 0, pixels.count == width * height else {
            throw RenderError.invalidScene("cannot encode a \(width) × \(height) frame of \(pixels.count) pixels as PNG")
        }
        return PNGEncoder.encode(width: width, height: height, pixels: pixels)
    }

    /// The frame encoded as a smaller PNG, through Cairo's writer (libpng, zlib's default level,
    /// adaptive filtering): the same pixels as ``pngData()`` in about a fifth fewer bytes, at
    /// several times the encoding time. For files that keep many frames, such as a player page.
    public func compactPNGData() throws -> [UInt8] {
        guard width > 0, height > 0, pixels.count == width * height else {
            throw RenderError.invalidScene("cannot encode a \(width) × \(height) frame of \(pixels.count) pixels as PNG")
        }
        var copy = pixels
        return try copy.withUnsafeMutableBufferPointer { buffer -> [UInt8] in
            guard let words = buffer.baseAddress else { return [] }
            let bytes = UnsafeMutableRawPointer(words).assumingMemoryBound(to: UInt8.self)
            let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(width)))
            guard stride == 4 * width else {
                throw RenderError.cairo(call: "cairo_format_stride_for_width", status: "stride \(stride) for width \(width), expected \(4 * width)", code: -1)
            }
            let surface = try CairoSurface.rgb24(over: bytes, width: width, height: height, stride: stride)
            let sink = MemorySink()
            try withExtendedLifetime(sink) {
                try cairoCheck(cairo_surface_write_to_png_stream(surface.handle, memorySinkWrite, sink.opaque),
                               "cairo_surface_write_to_png_stream")
            }
            try surface.finish()
            return sink.bytes
        }
    }

    /// Decodes PNG bytes (any PNG Cairo reads) into a frame; alpha, if any, is dropped.
    /// Used by the tests to read back what ``pngData()`` wrote.
    static func decodePNG(_ bytes: [UInt8]) throws -> RasterFrame {
        let surface = try CairoSurface.png(from: bytes)
        try surface.flush()
        let w = Int(cairo_image_surface_get_width(surface.handle))
        let h = Int(cairo_image_surface_get_height(surface.handle))
        let stride = Int(cairo_image_surface_get_stride(surface.handle))
        guard let data = cairo_image_surface_get_data(surface.handle) else {
            throw RenderError.cairo(call: "cairo_image_surface_get_data", status: "returned NULL", code: -1)
        }
        var pixels = [UInt32](repeating: 0, count: w * h)
        for y in 0 ..< h {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0 ..< w {
                pixels[y * w + x] = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self) & 0x00FF_FFFF
            }
        }
        return RasterFrame(width: w, height: h, pixels: pixels)
    }
}
