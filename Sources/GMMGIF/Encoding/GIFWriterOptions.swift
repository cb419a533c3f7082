/// Options of ``GIFWriter``.
public struct GIFWriterOptions: Sendable, Equatable {
    /// Dithering for ``GIFWriter/add(_:delay:)-(RGBImage,_)``, which maps frames itself.
    public var dither: GIFDither
    /// Write only the changed rectangle of each frame after the first, with unchanged pixels as
    /// transparent where that is smaller. Off: every frame is written whole (for debugging).
    public var optimizeFrames: Bool
    /// Who compresses the image data.
    public var compressor: GIFCompressor

    public init(dither: GIFDither = .none, optimizeFrames: Bool = true,
                compressor: GIFCompressor = .deferredClear) {
        self.dither = dither
        self.optimizeFrames = optimizeFrames
        self.compressor = compressor
    }
}

/// The LZW compressor of the image data. Both produce standard GIF that giflib decodes.
public enum GIFCompressor: Sendable, Equatable {
    /// GMMGIF's compressor, which keeps a full string table while it still pays (see
    /// `LZWEncoder`); its data goes through giflib's `EGifPutCode`. About 3 % smaller.
    case deferredClear
    /// giflib's own compressor (`EGifPutLine`), which clears the table as soon as it is full.
    case giflib
}
import GMMImage
