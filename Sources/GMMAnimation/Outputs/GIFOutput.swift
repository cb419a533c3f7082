import GMMFiles
import GMMGIF
import GMMRender
import GMMImage

/// The animation as an animated GIF file, written atomically: the file appears complete at
/// ``finish()`` or not at all.
///
/// One global palette serves every frame: the scene's exact colours first, then what the
/// first, a middle and the last frame actually contain. The workers map each frame to the
/// palette; each batch's changed rectangles and LZW data are then prepared in parallel, each
/// frame against the one before it, and appended in order.
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
    private var context: AnimationContext?

    /// - Throws: ``AnimationError/outOfRange(_:value:allowed:)`` for a loop count outside
    ///   0...65535.
    public init(path: String, options: Options = Options()) throws {
        try AnimationError.check(.loopCount, options.loopCount, in: 0 ... 65535)
        self.path = path
        self.options = options
    }

    public var needsRaster: Bool { true }

    private var writerOptions: GIFWriterOptions { GIFWriterOptions(dither: options.dithered ? .ordered : .none) }

    public func start(_ context: AnimationContext) throws {
        self.context = context
        let palette = try Self.palette(for: context)
        self.palette = palette
        let sink = try FileGIFSink(path: path)
        self.sink = sink
        writer = try translatingSinkFailure {
            try GIFWriter(width: context.renderer.options.deviceWidth, height: context.renderer.options.deviceHeight,
                          palette: palette, loopCount: options.loopCount, sink: sink, options: writerOptions)
        }
        preparers = (0 ..< context.workers.count).map { _ in GIFFramePreparer(palette: palette, options: writerOptions) }
    }

    public func produce(_ frame: AnimationFrame, worker: Int) throws -> IndexedFrame {
        guard let palette, let raster = frame.raster, let context else { throw AnimationOutputState.notStarted("GIFOutput") }
        return palette.indices(for: raster,
                               dither: writerOptions.dither,
                               protecting: try Self.pointCentres(of: frame.scene, renderer: context.renderer),
                               tolerance: Self.centreTolerance)
    }

    public func consume(_ products: [IndexedFrame], from first: Int) throws {
        guard let writer, let context else { throw AnimationOutputState.notStarted("GIFOutput") }
        let before = previous
        let preparers = self.preparers
        let prepared = try context.workers.map(products.count) { offset, worker in
            preparers[worker % preparers.count].prepare(products[offset], after: offset == 0 ? before : products[offset - 1])
        }
        try translatingSinkFailure {
            for (offset, frame) in prepared.enumerated() {
                try writer.add(frame, delay: context.timeline.frames[first + offset].delay)
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

    /// The palette of `context`'s animation: the exact colours of the theme's components and of
    /// the points (``pointFillSeeds(for:including:)``), then the colours of the first, a middle
    /// and the last frame.
    static func palette(for context: AnimationContext) throws -> GIFPalette {
        let count = context.timeline.frames.count
        let picks = Array(Set([0, count / 2, count - 1])).sorted()
        let samples = try picks.map { try context.raster(ofFrame: $0) }
        var seeds = RenderPalette(theme: context.renderer.options.theme).exactColors(components: context.builder.history.components)
        seeds += try pointFillSeeds(for: context, including: picks)
        return GIFPalette.build(seeds: seeds, samples: samples, minimumPSNR: minimumPSNR)
    }

    /// The PSNR the palette must reach on the sampled frames. Animations are held to 45 dB as a
    /// whole; frames between the samples (uncertain points, moving ellipses) come out about
    /// 2 dB lower than the samples, so the palette is sized for 47.
    static let minimumPSNR = 47.0
}

extension GIFOutput {
    /// How many levels a channel of a point's centre pixel may move in the GIF. The centre is
    /// where the eye reads a point's colour (how sure the point is of its component), whatever
    /// is drawn across the point's edge; a frame whose centres the global palette cannot keep
    /// this close gets a local colour table.
    static let centreTolerance = 8

    /// The offsets, in `renderer`'s raster, of the pixel holding the centre of each point of
    /// `scene` that is drawn as a disc and lies on the frame, as the renderer places them: the
    /// pixel containing the centre in device pixels. None for views of several panels.
    static func pointCentres(of scene: Scene, renderer: FrameRenderer) throws -> [Int] {
        guard case .plane = scene.view, renderer.drawsPointDiscs(count: scene.points.count) else { return [] }
        let transform = try renderer.layout(for: scene).transform
        let scale = renderer.options.scale
        let width = renderer.options.deviceWidth, height = renderer.options.deviceHeight
        var offsets: [Int] = []
        offsets.reserveCapacity(scene.points.count)
        for point in scene.points {
            let p = transform.pixel(point)
            let x = (p.x * scale).rounded(.down), y = (p.y * scale).rounded(.down)
            guard x >= 0, y >= 0, x < Double(width), y < Double(height) else { continue }
            offsets.append(Int(y) * width + Int(x))
        }
        return offsets
    }

    /// How near, in sRGB levels (Euclidean), every point fill of the animation stays to some
    /// palette entry. Nearest-colour mapping then moves no channel of a point's colour by more
    /// than this: the colours that carry the lesson (how sure each point is) survive the GIF.
    static let fillTolerance = 7

    /// The most fill colours kept exact, so anti-aliasing keeps at least a third of the table.
    static let maxFillSeeds = 168

    /// The point fills of the animation, reduced to a set of colours that lies within
    /// ``fillTolerance`` of every one of them.
    ///
    /// Fills are mixes of the component colours (one per point and frame), so they are read
    /// from the scenes, without drawing: of every frame when the animation is short, or of up
    /// to 32 evenly spaced ones (fewer for large data: at most about 4 million points in all),
    /// always including `picks`. The most common fills are taken first, and a fill becomes a
    /// seed only when no seed lies within the tolerance yet (a greedy cover).
    static func pointFillSeeds(for context: AnimationContext, including picks: [Int]) throws -> [UInt32] {
        let count = context.timeline.frames.count
        let points = max(1, context.builder.points.count)
        guard context.renderer.drawsPointDiscs(count: points) else { return [] }
        let budget = min(count, max(picks.count, min(32, 4_000_000 / points)))
        let spaced = (0 ..< budget).map { budget == 1 ? 0 : $0 * (count - 1) / (budget - 1) }
        var fills = [UInt32: Int]()
        for i in Set(spaced + picks).sorted() {
            let scene = try context.scene(ofFrame: i)
            for entry in context.renderer.pointFills(scene) { fills[entry.color, default: 0] += entry.count }
        }
        let ranked = fills.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let radius = fillTolerance * fillTolerance
        var seeds = [SIMD3<Int>]()
        var chosen = [UInt32]()
        for (color, _) in ranked where chosen.count < maxFillSeeds {
            let c = SIMD3(Int((color >> 16) & 0xFF), Int((color >> 8) & 0xFF), Int(color & 0xFF))
            let covered = seeds.contains { s in
                let d = s &- c
                return (d &* d).wrappedSum() <= radius
            }
            if !covered {
                seeds.append(c)
                chosen.append(color)
            }
        }
        return chosen
    }
}

/// An output used out of order: a frame before ``AnimationOutput/start(_:)``, or after
/// ``AnimationOutput/finish()``. Only a program error causes it.
enum AnimationOutputState: Error, CustomStringConvertible {
    case notStarted(String)

    var description: String {
        switch self {
        case let .notStarted(output):
            return "\(output) received a frame before start() or after finish(); outputs are driven by Animation.render(to:)"
        }
    }
}
