/// A frame as a vector drawing: a scene laid out with the renderer's options, ready to be
/// written as an SVG or PDF file or drawn on a page of a ``PDFDeck``.
///
/// A value: it holds what it draws, not a Cairo surface, so the stage that made it can hand it
/// to any thread. Equal frames give equal bytes.
public struct VectorFrame: Sendable {
    let scene: Scene
    let layout: FrameLayout
    let renderer: FrameRenderer

    /// The frame's logical size: `width` × `height` px in SVG, pt in PDF.
    public var size: FrameSize { FrameSize(renderer.options) }

    /// The frame as one SVG document or one-page PDF; `format` is `.svg` or `.pdf` (a PNG is
    /// a raster: see ``RenderedFrame/image``).
    ///
    /// - Throws: ``RenderError/invalidScene(_:)`` for `.png`; ``RenderError`` when Cairo fails.
    public func encoded(as format: FrameFormat) throws -> [UInt8] {
        guard format != .png else {
            throw RenderError.invalidScene("a vector frame is written as SVG or PDF, not PNG; ask the renderer for the frame's pixels to write a PNG")
        }
        let options = renderer.options
        return try SurfaceRendering.vector(format, width: Double(options.width), height: Double(options.height),
                                           title: options.title) { try draw(on: $0) }
    }

    /// Draws the frame on a vector surface's current page.
    func draw(on context: CairoContext) throws {
        try renderer.drawVector(scene, layout: layout, on: context)
    }
}
