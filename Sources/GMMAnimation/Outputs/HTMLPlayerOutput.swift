import Foundation
import GMMFiles
import GMMRender
import GMMImage

/// The animation as one self-contained HTML page for presenting a fit live: the PNG frames
/// embedded as data, controls for play/pause, stepping, scrubbing, speed and E/M steps, the keys
/// a presenter's clicker sends, text readouts of the iteration and log-likelihood, and a click
/// on a data point showing its responsibilities at the current frame.
///
/// The page needs no network: its Content-Security-Policy allows only its own inline script and
/// style (by hash) and `data:` images. The responsibilities are gmmviz's own, embedded per
/// frame (rounded to 1e-4, identical tables stored once); the page only looks them up. Above
/// ``Options/pointLimit`` points they are left out and the page says so. Text from the user is
/// escaped (see `HTMLText`), and the same animation gives the same bytes on any number of
/// threads.
///
/// The file streams through an `OutputFile` and appears complete at ``finish()`` or not at all.
public final class HTMLPlayerOutput: AnimationOutput {
    /// What the page shows besides the frames.
    public struct Options: Sendable, Equatable {
        /// The data's name as the user gave it (a file name), shown under the title; nil for none.
        public var sourceName: String?
        /// Above this many points the page drops per-point data (click-a-point) with a note,
        /// which keeps the file small: each frame's responsibilities cost 2·N·K bytes.
        public var pointLimit: Int

        /// The point limit when none is given: 5,000 points, about 30 KB of responsibilities
        /// per distinct frame for K = 3 — near the size of one PNG frame.
        public static let defaultPointLimit = 5_000

        public init(sourceName: String? = nil, pointLimit: Int = Options.defaultPointLimit) {
            self.sourceName = sourceName
            self.pointLimit = pointLimit
        }
    }

    /// One frame as the parallel stage prepares it.
    public struct Product: Sendable {
        /// The frame's pixels; encoded in ``consume(_:from:)`` against the frame before.
        var image: RGBImage
        /// N × K responsibilities × 10000, rounded, as little-endian 16-bit integers; nil when
        /// per-point data is left out.
        var responsibilities: [UInt8]?
        /// The frame's readout fields as JSON members, without the braces.
        var fields: String
    }

    /// Where the page appears.
    public let path: String
    public let options: Options
    /// Frames embedded, after ``finish()``.
    public private(set) var framesWritten = 0
    /// The page's size in bytes, after ``finish()``.
    public private(set) var bytesWritten = 0
    /// Whether the page carries per-point responsibilities (false above the point limit).
    public internal(set) var includesPointData = false

    private var file: OutputFile?
    private var written = 0
    private var previous: RGBImage?
    private var imagesWritten = 0
    private var facts: AnimationFacts?
    /// The controls, readouts and point panel, written after the stage and its frame images.
    private var afterStage = ""
    var frameEntries: [String] = []
    var tables: [String] = []
    private var tableIndex: [[UInt8]: Int] = [:]

    public init(path: String, options: Options = Options()) {
        self.path = path
        self.options = options
    }

    /// The pixels; the points' placement is read once, from the first frame drawn ahead.
    public var needs: FrameContents { .pixels }

    public func start(_ facts: AnimationFacts) throws {
        self.facts = facts
        includesPointData = facts.pointCount <= options.pointLimit && facts.history.components > 0
        let file = try OutputFile(path: path)
        self.file = file
        let (top, rest) = try head(facts)
        afterStage = rest
        try write(top)
    }

    public func produce(_ frame: AnimationFrame, worker: Int) throws -> Product {
        guard let facts else { throw AnimationOutputState.notStarted("HTMLPlayerOutput") }
        guard let image = frame.image else { throw AnimationOutputState.missing("pixels", output: "HTMLPlayerOutput") }
        let fields = Self.frameFields(entry: frame.entry, label: facts.timeline.label(frame.entry.content),
                                      logLikelihood: frame.logLikelihood)
        guard includesPointData else { return Product(image: image, responsibilities: nil, fields: fields) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(frame.responsibilities.count * 2)
        for r in frame.responsibilities {
            let v = UInt16(max(0, min(1, r.isFinite ? r : 0)) * 10000 + 0.5)
            bytes.append(UInt8(truncatingIfNeeded: v))
            bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        }
        return Product(image: image, responsibilities: bytes, fields: fields)
    }

    public func consume(_ products: [Product], from first: Int) throws {
        guard let facts else { throw AnimationOutputState.notStarted("HTMLPlayerOutput") }
        // Each frame against the one before it, in parallel; which frames are whole depends
        // only on their index, so the page is the same on any number of workers.
        let before = previous
        let patches = try facts.workers.map(products.count) { i, _ in
            try FramePatch.encode(products[i].image, after: i == 0 ? before : products[i - 1].image,
                                  whole: (first + i) % FramePatch.wholeFrameInterval == 0)
        }
        previous = products.last?.image
        var html = ""
        for (offset, product) in products.enumerated() {
            let patch = patches[offset]
            var image = -1
            if let png = patch.png {
                image = imagesWritten
                imagesWritten += 1
                // The first image, frame 0 whole, is the stage's poster: at the frame's size.
                let size = image == 0 ? " width=\"\(facts.size.width)\" height=\"\(facts.size.height)\"" : ""
                html += "<img src=\"data:image/png;base64,\(Data(png).base64EncodedString())\" alt=\"\"\(size)>\n"
            }
            let rects = patch.rects.map { "[" + $0.map { "[\($0.x),\($0.y),\($0.width),\($0.height)]" }.joined(separator: ",") + "]" } ?? "null"
            var table = -1
            if let r = product.responsibilities {
                if let known = tableIndex[r] {
                    table = known
                } else {
                    table = tables.count
                    tableIndex[r] = table
                    tables.append(HTMLText.jsonString(Data(r).base64EncodedString()))
                }
            }
            frameEntries.append("{" + product.fields + ",\"r\":\(table),\"img\":\(image),\"d\":\(rects)}")
        }
        try write(html)
    }

    public func finish() throws {
        guard let file, let facts else { throw AnimationOutputState.notStarted("HTMLPlayerOutput") }
        try write(try tail(facts, afterStage: afterStage))
        try file.commit()
        framesWritten = frameEntries.count
        bytesWritten = written
        release()
    }

    public func abort() {
        file?.abort()
        release()
    }

    private func release() {
        file = nil
        written = 0
        previous = nil
        imagesWritten = 0
        facts = nil
        afterStage = ""
        frameEntries = []
        tables = []
        tableIndex = [:]
    }

    private func write(_ text: String) throws {
        guard let file else { throw AnimationOutputState.notStarted("HTMLPlayerOutput") }
        let bytes = Array(text.utf8)
        try file.write(bytes)
        written += bytes.count
    }
}
