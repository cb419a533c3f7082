/// Options of ``GIFWriter``.
public struct GIFWriterOptions: Sendable, Equatable {
    /// Dithering for ``GIFWriter/add(_:delay:)-(RGBImage,_)``, which maps frames itself.
    public var dither: GIFDither
    /// Write only the changed rectangle of each frame after the first, with unchanged pixels as
    /// transparent where that is smaller. Off: every frame is written whole (for debugging).
    public var optimizeFrames: Bool

    public init(dither: GIFDither = .none, optimizeFrames: Bool = true) {
        self.dither = dither
        self.optimizeFrames = optimizeFrames
    }
}
