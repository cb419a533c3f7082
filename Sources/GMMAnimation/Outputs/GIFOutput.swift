import GMMFiles
import GMMGIF
import GMMImage

/// The animation as an animated GIF file, written atomically: the file appears complete at
/// ``finish()`` or not at all.
///
/// One global palette serves every frame, built at the start from frames drawn ahead: the
/// exact colours, the points' colours and what a few frames contain (`ProtectedColors`). The
/// workers map each frame to the palette, keeping each point's centre colour close (a frame
/// whose centres the palette cannot keep gets a local table); each batch's changed rectangles
/// and LZW data are then prepared in parallel, each frame against the one before it, and
/// appended in order.
public final class GIFOutput: AnimationOutput {
    /// How the GIF is encoded.
    public struct Options: Sendable, Equatable {
        /// How many times the GIF plays; 0 loops forever (0...65535).
        public var loopCount: Int
        /// Ordered dithering for colours outside the palette. Off by default: dither patterns
        /// crawl between frames and inflate files.
        public var dithered: Bool

        public init(loopCount: Int = 0, dithered: Bool = false) {
            self.loopCount = loopCount
            self.dithered = dithered
        }
    }

    /// Where the GIF appears.
    public let path: String
    public let options: Options
    /// GIF frames written (identical consecutive frames are merged into one), after ``finish()``.
    public private(set) var framesWritten = 0
    /// The GIF's size in bytes, after ``finish()``.
    public private(set) var bytesWritten = 0

    private var sink: FileGIFSink?
    private var writer: GIFWriter<FileGIFSink>?
    private var preparers: [GIFFramePreparer] = []
    private var palette: GIFPalette?
    private var previous: IndexedFrame?
    private var facts: AnimationFacts?

    /// - Throws: ``AnimationError/outOfRange(_:value:allowed:)`` for a loop count outside
    ///   0...65535.
    public init(path: String, options: Options = Options()) throws {
        try AnimationError.check(.loopCount, options.loopCount, in: 0 ... 65535)
        self.path = path
        self.options = options
    }

    /// The pixels, and where the point centres whose colours the palette must keep are.
    public var needs: FrameContents { [.pixels, .pointCentres] }

    private var writerOptions: GIFWriterOptions { GIFWriterOptions(dither: options.dithered ? .ordered : .none) }

    public func start(_ facts: AnimationFacts) throws {
        self.facts = facts
        let palette = try Self.palette(for: facts)
        self.palette = palette
        let sink = try FileGIFSink(path: path)
        self.sink = sink
        writer = try translatingSinkFailure {
            try GIFWriter(width: facts.size.deviceWidth, height: facts.size.deviceHeight,
                          palette: palette, loopCount: options.loopCount, sink: sink, options: writerOptions)
        }
        preparers = (0 ..< facts.workers.count).map { _ in GIFFramePreparer(palette: palette, options: writerOptions) }
    }

    public func produce(_ frame: AnimationFrame, worker: Int) throws -> IndexedFrame {
        guard let palette else { throw AnimationOutputState.notStarted("GIFOutput") }
        guard let image = frame.image else { throw AnimationOutputState.missing("pixels", output: "GIFOutput") }
        return palette.indices(for: image, dither: writerOptions.dither, protecting: frame.rendered.pointCentres,
                               tolerance: ProtectedColors.centreTolerance)
    }

    public func consume(_ products: [IndexedFrame], from first: Int) throws {
        guard let writer, let facts else { throw AnimationOutputState.notStarted("GIFOutput") }
        let before = previous
        let preparers = self.preparers
        let prepared = try facts.workers.map(products.count) { offset, worker in
            preparers[worker % preparers.count].prepare(products[offset], after: offset == 0 ? before : products[offset - 1])
        }
        try translatingSinkFailure {
            for (offset, frame) in prepared.enumerated() {
                try writer.add(frame, delay: facts.timeline.frames[first + offset].delay)
            }
        }
        previous = products.last
    }

    public func finish() throws {
        guard let writer else { throw AnimationOutputState.notStarted("GIFOutput") }
        try translatingSinkFailure { _ = try writer.close() }
        framesWritten = writer.framesWritten
        bytesWritten = writer.bytesWritten
        release()
    }

    public func abort() {
        sink?.abort()
        release()
    }

    private func release() {
        writer = nil
        sink = nil
        preparers = []
        previous = nil
        facts = nil
    }

    /// The encoder wraps what its sink threw in a ``GIFError``; the file's own error names the
    /// path, the reason and the fix, so that is the one to report.
    private func translatingSinkFailure<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GIFError where error.call.hasPrefix("GIFSink.") {
            throw sink?.failure ?? error
        }
    }

    /// The palette of the animation: its exact colours, a cover of the points' fills over the
    /// frames ``ProtectedColors/fillFrames(count:points:including:)`` picks, then the colours of
    /// the frames ``ProtectedColors/sampleFrames(count:)`` picks, drawn ahead.
    static func palette(for facts: AnimationFacts) throws -> GIFPalette {
        let picks = ProtectedColors.sampleFrames(count: facts.frameCount)
        let samples = try picks.map { i -> RGBImage in
            guard let image = try facts.frame(i, contents: .pixels).image else {
                throw AnimationOutputState.missing("pixels", output: "GIFOutput")
            }
            return image
        }
        var fills = [UInt32: Int]()
        if facts.drawsPointDiscs {
            for i in ProtectedColors.fillFrames(count: facts.frameCount, points: facts.pointCount, including: picks) {
                for entry in try facts.frame(i, contents: .pointFills).rendered.pointFills {
                    fills[entry.color, default: 0] += entry.count
                }
            }
        }
        let seeds = facts.exactColors + ProtectedColors.fillSeeds(fills)
        return GIFPalette.build(seeds: seeds, samples: samples, minimumPSNR: ProtectedColors.minimumPSNR)
    }
}

