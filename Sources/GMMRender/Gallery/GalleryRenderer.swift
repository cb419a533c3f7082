import GMMFiles
import GMMImage

/// Renders ``ModelGallery``s: to pixels (PNG), to SVG/PDF bytes, to a ``VectorFrame`` for a
/// ``PDFDeck`` page, and to files atomically.
///
/// The options are a frame's (size, scale, text scale, theme, sigmas, point radius, what is
/// shown); the gallery draws no axes, header or side column of a frame, and the title is the
/// gallery's own. A value type holding only options; every call makes its own Cairo surface.
public struct GalleryRenderer: Sendable {
    public let options: RenderOptions

    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for invalid options.
    public init(options: RenderOptions = RenderOptions()) throws {
        try options.validate()
        self.options = options
    }

    /// Where everything of `gallery` goes.
    ///
    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for a frame too small for it.
    public func layout(for gallery: ModelGallery) throws -> GalleryLayout {
        try GalleryLayout(options: options, gallery: gallery)
    }

    /// The options a panel is drawn with: no axes, header or side column, and a frame over the
    /// whole canvas whose data window the panels share.
    private func panelFrame(_ gallery: ModelGallery) throws -> (RenderOptions, FrameLayout) {
        var panel = options
        panel.showAxes = false
        panel.showHeader = false
        panel.showInset = false
        panel.showLegend = false
        panel.showKey = false
        panel.showTrails = false
        panel.pins = []
        panel.title = ""
        return (panel, try FrameLayout(options: panel, scene: gallery.panels[gallery.chosen].scene))
    }

    /// The gallery as pixels, in `RGBImage`'s layout, of the options' size × scale.
    public func renderRaster(_ gallery: ModelGallery) throws -> RGBImage {
        let layout = try layout(for: gallery)
        let (panel, frame) = try panelFrame(gallery)
        let w = options.deviceWidth, h = options.deviceHeight, s = options.scale
        return try SurfaceRendering.raster(width: w, height: h, scale: s) { surface, context, words in
            // Points are stamped into the buffer clipped to their panel, as a frame's are.
            try GalleryDrawer(context: context, gallery: gallery, layout: layout, options: panel, frame: frame).draw { drawer in
                try FrameRenderer.rasterisePoints(of: drawer, count: drawer.scene.points.count, options: panel,
                                                  surface: surface, pixels: words)
            }
        }
    }

    /// The gallery as a vector drawing, for SVG and PDF files and deck pages.
    public func vectorFrame(_ gallery: ModelGallery) throws -> VectorFrame {
        let layout = try layout(for: gallery)
        let (panel, frame) = try panelFrame(gallery)
        return VectorFrame(size: FrameSize(options), title: gallery.title) { context in
            try GalleryDrawer(context: context, gallery: gallery, layout: layout, options: panel, frame: frame).draw { $0.drawVectorPoints() }
        }
    }

    /// The gallery encoded in `format`; SVG and PDF are byte-identical across runs.
    public func render(_ gallery: ModelGallery, format: FrameFormat) throws -> [UInt8] {
        switch format {
        case .png: return try renderRaster(gallery).pngData()
        case .svg, .pdf: return try vectorFrame(gallery).encoded(as: format)
        }
    }

    /// A PDF deck of `pages`, one page each, labelled and bookmarked by their
    /// ``ModelGallery/pageLabel``.
    public func deck(_ pages: [ModelGallery]) throws -> [UInt8] {
        let deck = try PDFDeck(size: FrameSize(options), title: pages.first?.title ?? "")
        for page in pages {
            try deck.addPage(try vectorFrame(page), label: page.pageLabel, bookmark: page.pageLabel)
        }
        return try deck.finish()
    }

    /// Renders `gallery` in `format` to `path`, atomically.
    public func write(_ gallery: ModelGallery, format: FrameFormat, to path: String) throws {
        try AtomicFile.write(render(gallery, format: format), to: path)
    }
}
