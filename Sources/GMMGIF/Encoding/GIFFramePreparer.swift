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
    /// A local colour table of the palette's table size, or nil for the global one.
    var table: [UInt32]? = nil
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
    ///
    /// A pixel is unchanged when it shows the same colour as on screen, which for frames with
    /// different colour tables (``IndexedFrame/localColors``) is not the same as the same index:
    /// the previous frame's indices are then translated to the indices of their colours in this
    /// frame's table first.
    public func prepare(_ frame: IndexedFrame, after previous: IndexedFrame?) -> PreparedGIFFrame {
        let full = FrameRect(x: 0, y: 0, width: frame.width, height: frame.height)
        let firstIndex = frame.indices.first ?? 0
        let table = frame.localColors.map { $0 + [UInt32](repeating: 0, count: max(0, palette.tableSize - $0.count)) }
        func image(_ rect: FrameRect, _ pixels: [UInt8], transparent: Bool) -> PreparedGIFFrame {
            var image = self.image(rect, pixels: pixels, transparent: transparent)
            image.table = table
            return PreparedGIFFrame(width: frame.width, height: frame.height, content: .image(image), firstIndex: firstIndex)
        }
        guard let previous, options.optimizeFrames, previous.width == frame.width, previous.height == frame.height,
              previous.indices.count == frame.indices.count,
              let before = onScreen(previous, asIndicesOf: frame) else {
            return image(full, frame.indices, transparent: false)
        }
        guard let rect = FrameRect.changed(between: before, and: frame.indices, width: frame.width, height: frame.height) else {
            return PreparedGIFFrame(width: frame.width, height: frame.height, content: .identical, firstIndex: firstIndex)
        }
        let plan = planner.plan(current: frame.indices, previous: before, width: frame.width, rect: rect,
                                transparent: palette.transparentIndex)
        return image(rect, plan.pixels, transparent: plan.usesTransparency)
    }

    /// `previous`'s pixels as indices of `frame`'s colour table: each colour at its first index
    /// in that table, and a colour the table lacks as the transparent index, which no mapped
    /// pixel has. `previous.indices` itself when both frames share a table; nil when the
    /// tables differ and the palette has no transparent index.
    private func onScreen(_ previous: IndexedFrame, asIndicesOf frame: IndexedFrame) -> [UInt8]? {
        guard previous.localColors != frame.localColors else { return previous.indices }
        guard let missing = palette.transparentIndex else { return nil }
        let before = previous.localColors ?? palette.colors
        let after = frame.localColors ?? palette.colors
        var position: [UInt32: UInt8] = [:]
        for (i, color) in after.enumerated().reversed() { position[color] = UInt8(i) }
        var translation = [UInt8](repeating: missing, count: 256)
        for (i, color) in before.enumerated() { translation[i] = position[color] ?? missing }
        return [UInt8](unsafeUninitializedCapacity: previous.indices.count) { out, count in
            translation.withUnsafeBufferPointer { map in
                previous.indices.withUnsafeBufferPointer { indices in
                    for i in 0 ..< indices.count { out[i] = map[Int(indices[i])] }
                }
            }
            count = previous.indices.count
        }
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
