/// A frame's image data made ready for ``GIFWriter/add(_:delay:)-(PreparedGIFFrame,_)``: its
/// changed rectangle found, its transparency chosen and its LZW data compressed.
///
/// That is nearly all of the encoder's work, and it depends only on the frame and the one
/// before it, so many frames can be prepared at once; the writer then only appends bytes.
public struct PreparedGIFFrame: Sendable {
    enum Content: Sendable {
        /// The same indices as the previous frame: the writer lengthens that frame instead.
        case identical
        /// A rectangle to draw.
        case image(PreparedImage)
    }

    let width: Int
    let height: Int
    let content: Content
    /// One pixel of the frame, for the writer's rare 1×1 filler frame past the longest delay.
    let firstIndex: UInt8
}

/// One rectangle of image data as the writer hands it to giflib.
struct PreparedImage: Sendable {
    let rect: FrameRect
    /// Indices for giflib to compress, or nil when `compressed` holds the data.
    let pixels: [UInt8]?
    /// GIF sub-blocks from ``LZWEncoder``, or nil when giflib compresses `pixels`.
    let compressed: [UInt8]?
    /// Whether the palette's transparent index marks unchanged pixels.
    let transparent: Bool
}

/// Prepares frames for one ``GIFWriter``. Not thread-safe: give each worker its own preparer
/// (they hold LZW tables); the prepared frames are plain values.
public final class GIFFramePreparer {
    public let palette: GIFPalette
    public let options: GIFWriterOptions
    private let planner: FramePlanner
    private let compressor: LZWEncoder

    public init(palette: GIFPalette, options: GIFWriterOptions = GIFWriterOptions()) {
        self.palette = palette
        self.options = options
        let bits = GIFWriter<CountingGIFSink>.bitsPerPixel(palette)
        planner = FramePlanner(bitsPerPixel: bits)
        compressor = LZWEncoder(bitsPerPixel: bits)
    }

    /// Prepares `frame`, to be shown after `previous` (nil for the first frame of the GIF).
    /// The frames must be mapped with this preparer's palette and all have the GIF's size.
    public func prepare(_ frame: IndexedFrame, after previous: IndexedFrame?) -> PreparedGIFFrame {
        let full = FrameRect(x: 0, y: 0, width: frame.width, height: frame.height)
        let firstIndex = frame.indices.first ?? 0
        func image(_ rect: FrameRect, _ pixels: [UInt8], transparent: Bool) -> PreparedGIFFrame {
            PreparedGIFFrame(width: frame.width, height: frame.height,
                             content: .image(self.image(rect, pixels: pixels, transparent: transparent)), firstIndex: firstIndex)
        }
        guard let previous, options.optimizeFrames, previous.width == frame.width, previous.height == frame.height,
              previous.indices.count == frame.indices.count else {
            return image(full, frame.indices, transparent: false)
        }
        guard let rect = FrameRect.changed(between: previous.indices, and: frame.indices, width: frame.width, height: frame.height) else {
            return PreparedGIFFrame(width: frame.width, height: frame.height, content: .identical, firstIndex: firstIndex)
        }
        let plan = planner.plan(current: frame.indices, previous: previous.indices, width: frame.width, rect: rect,
                                transparent: palette.transparentIndex)
        return image(rect, plan.pixels, transparent: plan.usesTransparency)
    }

    /// The image data of `rect` holding `pixels`, compressed now when ``GIFWriterOptions/compressor``
    /// is ours, left for giflib to compress otherwise.
    func image(_ rect: FrameRect, pixels: [UInt8], transparent: Bool) -> PreparedImage {
        switch options.compressor {
        case .deferredClear:
            let compressed = pixels.withUnsafeBufferPointer { compressor.compress($0) }
            return PreparedImage(rect: rect, pixels: nil, compressed: compressed, transparent: transparent)
        case .giflib:
            return PreparedImage(rect: rect, pixels: pixels, compressed: nil, transparent: transparent)
        }
    }
}
