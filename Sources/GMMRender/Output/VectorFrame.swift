/// A frame as a vector drawing: a scene laid out with the renderer's options (or any other
/// drawing of this module, such as a ``ModelGallery``), ready to be written as an SVG or PDF
/// file or drawn on a page of a ``PDFDeck``.
///
/// A value: it holds what it draws, not a Cairo surface, so the stage that made it can hand it
/// to any thread. Equal frames give equal bytes.
public struct VectorFrame: Sendable {
    /// The frame's logical size: `width` × `height` px in SVG, pt in PDF.
    public let size: FrameSize
    /// The title a one-page PDF carries in its metadata.
    let title: String
    /// Draws the frame on a vector surface's current page.
    private let drawing: @Sendable (CairoContext) throws -> Void

    /// A frame of `size` drawn by `drawing`.
    init(size: FrameSize, title: String, drawing: @escaping @Sendable (CairoContext) throws -> Void) {
        self.size = size
        self.title = title
        self.drawing = drawing
    }

    /// `scene` laid out by `layout`, drawn by `renderer`.
    init(scene: Scene, layout: FrameLayout, renderer: FrameRenderer) {
        self.init(size: FrameSize(renderer.options), title: renderer.options.title) { context in
            try renderer.drawVector(scene, layout: layout, on: context)
        }
    }

    /// The frame as one SVG document or one-page PDF; `format` is `.svg` or `.pdf` (a PNG is
    /// a raster: see ``RenderedFrame/image``).
    ///
    /// - Throws: ``RenderError/invalidScene(_:)`` for `.png`; ``RenderError`` when Cairo fails.
    public func encoded(as format: FrameFormat) throws -> [UInt8] {
        guard format != .png else {
            throw RenderError.invalidScene("a vector frame is written as SVG or PDF, not PNG; ask the renderer for the frame's pixels to write a PNG")
        }
        return try SurfaceRendering.vector(format, width: Double(size.width), height: Double(size.height),
                                           title: title) { try draw(on: $0) }
    }

    /// Draws the frame on a vector surface's current page.
    func draw(on context: CairoContext) throws {
        try drawing(context)
    }
}
