internal import CCairo

/// Owns one `cairo_surface_t`, destroyed in `deinit`.
///
/// Not `Sendable`: each render makes its own surface.
final class CairoSurface {
    let handle: OpaquePointer
    /// Keeps a stream surface's sink alive as long as Cairo may write to it.
    private let sink: MemorySink?

    private init(_ handle: OpaquePointer?, sink: MemorySink? = nil, call: String) throws {
        guard let handle else {
            throw RenderError.cairo(call: call, status: "returned NULL", code: -1)
        }
        self.handle = handle
        self.sink = sink
        // Cairo returns an inert "nil surface" carrying the error rather than NULL.
        try cairoCheck(cairo_surface_status(handle), call)
    }

    deinit { cairo_surface_destroy(handle) }

    /// An RGB24 image surface over caller-owned memory of `height` rows of `stride` bytes.
    /// The memory must outlive the surface.
    static func rgb24(over data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int) throws -> CairoSurface {
        try CairoSurface(cairo_image_surface_create_for_data(data, CAIRO_FORMAT_RGB24, Int32(width), Int32(height), Int32(stride)),
                         call: "cairo_image_surface_create_for_data")
    }

    /// An SVG document of `width` × `height` px written into `sink`.
    static func svg(into sink: MemorySink, width: Double, height: Double) throws -> CairoSurface {
        let surface = try CairoSurface(cairo_svg_surface_create_for_stream(memorySinkWrite, sink.opaque, width, height),
                                       sink: sink, call: "cairo_svg_surface_create_for_stream")
        cairo_svg_surface_set_document_unit(surface.handle, CAIRO_SVG_UNIT_PX)
        try cairoCheck(cairo_surface_status(surface.handle), "cairo_svg_surface_set_document_unit")
        return surface
    }

    /// A one-page PDF of `width` × `height` pt written into `sink`, with no creation date so that
    /// the same scene always gives the same bytes.
    static func pdf(into sink: MemorySink, width: Double, height: Double, title: String) throws -> CairoSurface {
        let surface = try CairoSurface(cairo_pdf_surface_create_for_stream(memorySinkWrite, sink.opaque, width, height),
                                       sink: sink, call: "cairo_pdf_surface_create_for_stream")
        // An unparsable date makes Cairo 1.16 drop /CreationDate instead of writing the clock.
        cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_CREATE_DATE, "")
        cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_CREATOR, "gmmviz")
        if !title.isEmpty { cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_TITLE, title) }
        try cairoCheck(cairo_surface_status(surface.handle), "cairo_pdf_surface_set_metadata")
        return surface
    }

    /// Completes pending drawing before the pixels are touched directly.
    func flush() throws {
        cairo_surface_flush(handle)
        try cairoCheck(cairo_surface_status(handle), "cairo_surface_flush")
    }

    /// Tells Cairo its pixels were changed behind its back.
    func markDirty() throws {
        cairo_surface_mark_dirty(handle)
        try cairoCheck(cairo_surface_status(handle), "cairo_surface_mark_dirty")
    }

    /// Finishes the surface: a vector surface writes its last bytes into its sink now.
    func finish() throws {
        cairo_surface_finish(handle)
        try cairoCheck(cairo_surface_status(handle), "cairo_surface_finish")
    }
}
