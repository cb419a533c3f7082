internal import CCairo

/// A multi-page PDF document: one vector page per frame, each named by a page label and,
/// optionally, a bookmark in the document outline.
///
/// Every page has the deck's logical size in points (1 px = 1 pt) and is drawn exactly as
/// ``VectorFrame/encoded(as:)`` draws a one-page PDF. Cairo embeds each font once for
/// the whole document, not once per page, so a deck is much smaller than the single-page PDFs
/// of its frames put together. There is no creation date: the same frames, labels and outline
/// always give the same bytes.
///
/// Pages are added in order from one thread. Owns a Cairo surface; not `Sendable`.
///
/// ```swift
/// let deck = try PDFDeck(size: FrameSize(renderer.options), title: "EM")
/// try deck.addPage(try renderer.vectorFrame(scene), label: "iteration 1", bookmark: "iteration 1")
/// let bytes = try deck.finish()
/// ```
public final class PDFDeck {
    /// The size of every page.
    public let size: FrameSize
    /// Pages added so far.
    public private(set) var pageCount = 0

    private let sink = MemorySink()
    private let surface: CairoSurface
    private var finished = false

    /// Starts an empty document of pages of `size`, titled `title` in its metadata.
    ///
    /// - Throws: ``RenderError/cairo(call:status:code:)`` if Cairo cannot create the surface.
    public init(size: FrameSize, title: String) throws {
        self.size = size
        surface = try CairoSurface.pdf(into: sink, width: Double(size.width), height: Double(size.height), title: title)
    }

    /// Draws `frame` on a new last page.
    ///
    /// - Parameters:
    ///   - frame: the frame drawn on the page.
    ///   - label: the page label a viewer shows instead of the page number ("iteration 5").
    ///   - bookmark: a top-level outline entry pointing at this page, or nil for none.
    /// - Throws: ``RenderError`` when Cairo fails; ``RenderError/invalidScene(_:)`` after
    ///   ``finish()``, or for a frame of another size than the deck's.
    public func addPage(_ frame: VectorFrame, label: String?, bookmark: String? = nil) throws {
        guard !finished else { throw RenderError.invalidScene("a page was added to a finished PDF deck") }
        guard frame.size.width == size.width, frame.size.height == size.height else {
            throw RenderError.invalidScene("a \(frame.size.width) × \(frame.size.height) frame was added to a deck of \(size.width) × \(size.height) pages; draw every page with the same size")
        }
        if let label, !label.isEmpty { cairo_pdf_surface_set_page_label(surface.handle, label) }
        let context = try CairoContext(surface)
        try frame.draw(on: context)
        try context.check("drawing page \(pageCount + 1) of the PDF deck")
        pageCount += 1
        if let bookmark, !bookmark.isEmpty {
            _ = cairo_pdf_surface_add_outline(surface.handle, Int32(CAIRO_PDF_OUTLINE_ROOT), bookmark,
                                              "page=\(pageCount)", cairo_pdf_outline_flags_t(rawValue: 0))
        }
        cairo_surface_show_page(surface.handle)
        try cairoCheck(cairo_surface_status(surface.handle), "cairo_surface_show_page")
    }

    /// Completes the document and returns its bytes. A deck with no page is an error: a PDF
    /// needs at least one.
    ///
    /// - Throws: ``RenderError/invalidScene(_:)`` for an empty or already finished deck;
    ///   ``RenderError/cairo(call:status:code:)`` if Cairo fails to write it.
    public func finish() throws -> [UInt8] {
        guard !finished else { throw RenderError.invalidScene("the PDF deck was already finished") }
        guard pageCount > 0 else { throw RenderError.invalidScene("a PDF deck needs at least one page") }
        finished = true
        try surface.finish()
        return sink.bytes
    }
}
