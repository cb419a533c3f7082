import GMMFiles
import GMMImage

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

    /// The frame as pixels; see `RGBImage` for the layout. Its size is the options' size ×
    /// scale.
    public func renderRaster(_ scene: Scene) throws -> RGBImage {
        let layout = try layout(for: scene)
        let w = options.deviceWidth, h = options.deviceHeight, s = options.scale
        return try SurfaceRendering.raster(width: w, height: h, scale: s) { surface, context, words in
            // Points are stamped straight into the buffer, clipped to the panel being drawn.
            try FrameComposer(context: context, scene: scene, layout: layout, options: options).draw { drawer in
                try Self.rasterisePoints(of: drawer, count: scene.points.count, options: options,
                                         surface: surface, pixels: words)
            }
        }
    }

    /// Draws `drawer`'s points straight into the raster `pixels` (the options' device size),
    /// clipped to its plot: a density image above the density threshold for `count` points,
    /// otherwise stamped discs. Cairo's drawing so far is flushed first and the surface marked
    /// dirty after, so later Cairo drawing lies on top.
    static func rasterisePoints(of drawer: FrameDrawer, count: Int, options: RenderOptions,
                                surface: CairoSurface, pixels: UnsafeMutablePointer<UInt32>) throws {
        let w = options.deviceWidth, h = options.deviceHeight, s = options.scale
        let plot = drawer.layout.plot
        let stamper = PointStamper(
            pixels: pixels, width: w, height: h,
            clip: (max(0, Int((plot.x * s).rounded())), max(0, Int((plot.y * s).rounded())),
                   min(w, Int((plot.maxX * s).rounded())), min(h, Int((plot.maxY * s).rounded()))))
        try surface.flush()
        if FrameDrawer.drawsDensity(options: options, count: count) {
            try DensityImage.draw(drawer, into: stamper, scale: s)
        } else {
            stamper.stamp(drawer, scale: s)
        }
        try surface.markDirty()
    }

    /// The frame encoded in `format`. SVG and PDF are byte-identical across runs for equal scenes.
    public func render(_ scene: Scene, format: FrameFormat) throws -> [UInt8] {
        switch format {
        case .png: return try renderRaster(scene).pngData()
        case .svg, .pdf: return try vectorFrame(scene).encoded(as: format)
        }
    }

    /// `scene` as a vector drawing, for SVG and PDF files and decks.
    public func vectorFrame(_ scene: Scene) throws -> VectorFrame {
        VectorFrame(scene: scene, layout: try layout(for: scene), renderer: self)
    }

    /// The parts of `scene`'s frame that `contents` asks for; see ``RenderedFrame``.
    public func frame(_ scene: Scene, contents: RenderedFrame.Contents) throws -> RenderedFrame {
        let placing: RenderedFrame.Contents = [.vector, .pointCentres, .placedPoints]
        let layout = contents.isDisjoint(with: placing) ? nil : try self.layout(for: scene)
        return RenderedFrame(
            size: FrameSize(options),
            image: contents.contains(.pixels) ? try renderRaster(scene) : nil,
            vector: contents.contains(.vector) ? layout.map { VectorFrame(scene: scene, layout: $0, renderer: self) } : nil,
            pointCentres: contents.contains(.pointCentres) ? layout.map { pointCentres(scene, layout: $0) } ?? [] : [],
            pointFills: contents.contains(.pointFills) ? pointFills(scene) : [],
            placedPoints: contents.contains(.placedPoints) ? layout.map { placedPoints(scene, layout: $0) } : nil)
    }

    /// Draws `scene` on a vector surface's current page (SVG or PDF), with Cairo paths for the
    /// points: the one drawing of a vector frame, shared by single files and ``PDFDeck``.
    func drawVector(_ scene: Scene, layout: FrameLayout, on context: CairoContext) throws {
        try FrameComposer(context: context, scene: scene, layout: layout, options: options).draw { $0.drawVectorPoints() }
    }

    /// Whether `count` points are drawn as discs: shown, and not so many that they become a
    /// density image.
    public func drawsPointDiscs(count: Int) -> Bool {
        options.showPoints && !FrameDrawer.drawsDensity(options: options, count: count)
    }

    /// The distinct 8-bit colours of `scene`'s points — fills and their rims — and how many
    /// points have each, most frequent first; none when the points are hidden or drawn as a
    /// density image.
    public func pointFills(_ scene: Scene) -> [ColorCount] {
        guard drawsPointDiscs(count: scene.points.count) else { return [] }
        let colors = RenderPalette(theme: options.theme).colors(forComponents: scene.componentCount)
        return PointColors.distinctFills(scene: scene, componentColors: colors)
    }

    /// The device pixel holding each disc's centre on a one-panel frame, as ``PointStamper``
    /// places it (the pixel that contains the centre), for the points whose centre lies on the
    /// frame; see ``RenderedFrame/pointCentres``.
    func pointCentres(_ scene: Scene, layout: FrameLayout) -> [Int] {
        guard case .plane = scene.view, drawsPointDiscs(count: scene.points.count) else { return [] }
        let scale = options.scale
        let width = options.deviceWidth, height = options.deviceHeight
        var offsets: [Int] = []
        offsets.reserveCapacity(scene.points.count)
        for point in scene.points {
            let p = layout.transform.pixel(point)
            let x = (p.x * scale).rounded(.down), y = (p.y * scale).rounded(.down)
            guard x >= 0, y >= 0, x < Double(width), y < Double(height) else { continue }
            offsets.append(Int(y) * width + Int(x))
        }
        return offsets
    }

    /// Each point's logical-pixel position, nil outside the plot area (where it is not drawn);
    /// on a comparison, in the EM's panel; on a grid of starts, in the best run's.
    func placedPoints(_ scene: Scene, layout: FrameLayout) -> PlacedPoints {
        var plot = layout.plot, transform = layout.transform
        switch scene.view {
        case .comparison:
            plot = layout.comparisonPanels().right
            transform = ViewTransform(window: layout.comparisonWindow(for: plot), plot: plot)
        case let .starts(starts):
            let cells = layout.startCells(starts)
            if cells.indices.contains(starts.best) { plot = cells[starts.best] }
            transform = ViewTransform(window: layout.comparisonWindow(for: plot), plot: plot)
        case .plane, .line, .matrix: break
        }
        let positions = scene.points.map { point -> Point2? in
            let q = transform.pixel(point)
            let inside = q.isFinite && q.x >= plot.x && q.x <= plot.maxX && q.y >= plot.y && q.y <= plot.maxY
            return inside ? q : nil
        }
        return PlacedPoints(coordinates: scene.points.array, positions: positions)
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
