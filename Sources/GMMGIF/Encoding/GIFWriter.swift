/// A streaming animated-GIF encoder over giflib.
///
/// Open it, ``add(_:delay:)-(IndexedFrame,_)`` frames in order, then ``close()``. It writes a
/// `GIF89a` header, the palette as global colour table, a `NETSCAPE2.0` loop block, and per frame
/// a Graphics Control Extension (delay, disposal "do not dispose", transparency) and the image.
///
/// Frame optimisation: after the first frame only the rectangle of changed indices is written
/// (see `FramePlanner` for how unchanged pixels inside it are written). A frame identical to
/// the previous one adds its delay to the previous frame instead. Since a frame's delay precedes
/// its image, each frame is held back until the next one differs: the writer keeps the previous
/// frame's indices and the pending frame's rectangle, never the whole animation.
///
/// On any error the writer calls the sink's `abort()` and refuses further frames, so a failed
/// encoding never commits a truncated GIF. Same frames and delays → byte-identical output.
public final class GIFWriter<Sink: GIFSink> {
    /// The sink; after ``close()`` a ``MemoryGIFSink`` holds the whole GIF.
    public private(set) var sink: Sink
    public let width: Int
    public let height: Int
    public let palette: GIFPalette
    public let options: GIFWriterOptions
    /// Frames written to the sink so far (identical frames merged).
    public private(set) var framesWritten = 0
    /// Bytes passed to the sink so far.
    public private(set) var bytesWritten = 0

    /// The frame held back until the next one differs, since its delay may still grow.
    private struct Pending {
        var image: PreparedImage
        var delay: Int
    }

    private let encoder: GifEncoderHandle
    /// Prepares the frames given to ``add(_:delay:)-(IndexedFrame,_)``, as a caller preparing
    /// frames in parallel would: one code path for both ways of adding frames.
    private let preparer: GIFFramePreparer
    /// The last frame given to ``add(_:delay:)-(IndexedFrame,_)``.
    private var previous: IndexedFrame?
    private var pending: Pending?
    private var state = State.open
    private enum State { case open, closed, failed }

    /// The largest delay a GCE holds, in 1/100 s.
    private static var maxDelay: Int { 65535 }

    /// Opens the GIF and writes its header, colour table and loop block to `sink`.
    ///
    /// - Parameters:
    ///   - sink: where the bytes go.
    ///   - width: the canvas's width, 1...65535 pixels; every frame must have this size.
    ///   - height: the canvas's height, 1...65535 pixels.
    ///   - palette: the global colour table.
    ///   - options: the writer's settings.
    ///   - loopCount: how many times to play, 0 = forever (0...65535).
    /// - Throws: ``GIFError`` for invalid sizes or when giflib or the sink fails (the sink is
    ///   then aborted).
    public init(width: Int, height: Int, palette: GIFPalette, loopCount: Int = 0, sink: Sink,
                options: GIFWriterOptions = GIFWriterOptions()) throws {
        self.sink = sink
        self.width = width
        self.height = height
        self.palette = palette
        self.options = options
        preparer = GIFFramePreparer(palette: palette, options: options)
        do {
            guard (1...65535).contains(width), (1...65535).contains(height) else {
                throw GIFError.invalid("GIFWriter.init", "a GIF canvas is 1 to 65535 pixels a side, got \(width) × \(height)",
                                       fix: "render frames of a smaller size")
            }
            guard (0...65535).contains(loopCount) else {
                throw GIFError.invalid("GIFWriter.init", "loopCount must be 0 (forever) to 65535, got \(loopCount)",
                                       fix: "pass 0 to loop forever")
            }
            encoder = try GifEncoderHandle()
            try encoder.putScreen(width: width, height: height, table: palette.table)
            try encoder.putLoop(count: loopCount)
        } catch {
            self.sink.abort()
            throw error
        }
        try drain()
    }

    deinit {
        if state == .open { sink.abort() }
    }

    /// Bits per index of `palette`'s colour table.
    static func bitsPerPixel(_ palette: GIFPalette) -> Int {
        var bits = 1
        while 1 << bits < palette.tableSize { bits += 1 }
        return bits
    }

    /// Adds a frame prepared by a ``GIFFramePreparer`` of this writer's palette and options,
    /// shown for `delay` 1/100 s. Frames must arrive in order, each prepared against the one
    /// before it; do not mix with ``add(_:delay:)-(IndexedFrame,_)`` in one GIF.
    public func add(_ frame: PreparedGIFFrame, delay: Int) throws {
        try checkOpen("GIFWriter.add")
        guard frame.width == width, frame.height == height else {
            throw fail(GIFError.invalid("GIFWriter.add", "the frame is \(frame.width) × \(frame.height), the GIF is \(width) × \(height)",
                                        fix: "render every frame at the size the writer was opened with"))
        }
        let delay = min(Self.maxDelay, max(2, delay))
        switch frame.content {
        case .identical:
            guard pending != nil else {
                throw fail(GIFError.invalid("GIFWriter.add", "the first frame cannot repeat a previous one",
                                            fix: "prepare the first frame with previous = nil"))
            }
            try extendPending(by: delay, firstIndex: frame.firstIndex)
        case let .image(image):
            try flush()
            pending = Pending(image: image, delay: delay)
        }
    }

    /// Maps `frame` with the palette (``GIFWriterOptions/dither``), then adds it.
    public func add(_ frame: RGBImage, delay: Int) throws {
        guard frame.pixels.count == frame.width * frame.height else {
            throw fail(GIFError.invalid("GIFWriter.add", "the frame has \(frame.pixels.count) pixels for \(frame.width) × \(frame.height)",
                                        fix: "pass width × height pixels, row-major, no padding"))
        }
        try add(palette.indices(for: frame, dither: options.dither), delay: delay)
    }

    /// Adds a frame already mapped with this writer's palette (or a local table derived from
    /// it, ``IndexedFrame/localColors``), shown for `delay` 1/100 s (values below 2 become 2:
    /// browsers play 0 and 1 as 10).
    public func add(_ frame: IndexedFrame, delay: Int) throws {
        try checkOpen("GIFWriter.add")
        guard frame.width == width, frame.height == height, frame.indices.count == width * height else {
            throw fail(GIFError.invalid("GIFWriter.add",
                                        "the frame is \(frame.width) × \(frame.height) with \(frame.indices.count) indices, the GIF is \(width) × \(height)",
                                        fix: "render every frame at the size the writer was opened with"))
        }
        if let local = frame.localColors, local.count < palette.colors.count || local.count > palette.tableSize {
            throw fail(GIFError.invalid("GIFWriter.add",
                                        "the frame's local colour table has \(local.count) colours, the palette \(palette.colors.count) in a table of \(palette.tableSize)",
                                        fix: "map frames with this writer's palette, GIFPalette.indices(for:dither:protecting:tolerance:)"))
        }
        try add(preparer.prepare(frame, after: previous), delay: delay)
        previous = frame
    }

    /// Writes the last frame and the trailer, commits the sink and returns it.
    ///
    /// - Throws: ``GIFError`` if no frame was added (a GIF needs one), or giflib or the sink
    ///   fails; the sink is then aborted.
    @discardableResult
    public func close() throws -> Sink {
        try checkOpen("GIFWriter.close")
        guard pending != nil else {
            throw fail(GIFError.invalid("GIFWriter.close", "no frame was added",
                                        fix: "add at least one frame before closing"))
        }
        do {
            try flush()
            try encoder.close()
            try drain()
            do { try sink.commit() } catch let error as GIFError { throw error } catch {
                throw GIFError.sink("commit", error)
            }
        } catch {
            throw fail(error)
        }
        state = .closed
        previous = nil
        return sink
    }

    /// An identical frame: lengthen the pending frame, or, past the GCE's 16-bit limit, write it
    /// and repeat one unchanged pixel.
    private func extendPending(by delay: Int, firstIndex: UInt8) throws {
        guard var p = pending else { return }
        if p.delay + delay <= Self.maxDelay {
            p.delay += delay
            pending = p
            return
        }
        try flush()
        let pixel = palette.transparentIndex ?? firstIndex
        let filler = preparer.image(FrameRect(x: 0, y: 0, width: 1, height: 1), pixels: [pixel],
                                    transparent: palette.transparentIndex != nil)
        pending = Pending(image: filler, delay: delay)
    }

    /// Writes the pending frame, if any.
    private func flush() throws {
        guard let p = pending else { return }
        pending = nil
        do {
            let image = p.image
            try encoder.putControl(delay: p.delay, transparent: image.transparent ? palette.transparentIndex : nil)
            if let blocks = image.compressed {
                try encoder.putImage(image.rect, table: image.table, compressed: blocks)
            } else if let pixels = image.pixels {
                try encoder.putImage(image.rect, table: image.table, pixels: pixels)
            }
            framesWritten += 1
        } catch {
            throw fail(error)
        }
        try drain()
    }

    /// Passes giflib's buffered output to the sink.
    private func drain() throws {
        guard !encoder.output.bytes.isEmpty else { return }
        do {
            try encoder.output.bytes.withUnsafeBytes { try sink.write($0) }
        } catch let error as GIFError {
            throw fail(error)
        } catch {
            throw fail(GIFError.sink("write", error))
        }
        bytesWritten += encoder.output.bytes.count
        encoder.output.bytes.removeAll(keepingCapacity: true)
    }

    private func checkOpen(_ call: String) throws {
        switch state {
        case .open: return
        case .closed:
            throw GIFError.invalid(call, "the writer is closed", fix: "create a new GIFWriter for each GIF")
        case .failed:
            throw GIFError.invalid(call, "an earlier error aborted this GIF", fix: "fix that error and encode again")
        }
    }

    /// Aborts the sink once and returns `error` for throwing.
    private func fail(_ error: any Error) -> any Error {
        if state == .open {
            state = .failed
            sink.abort()
            previous = nil
            pending = nil
        }
        return error
    }
}
import GMMImage
