import GMMFiles
import GMMRender

/// The animation as one multi-page PDF: a vector page per frame, in timeline order, each
/// labelled with the name its header draws (``Timeline/label(_:)``, "iteration 5 of 18 ·
/// E-step") and every real step bookmarked in the outline, for stepping through a fit in a PDF
/// viewer or including pages in beamer.
///
/// The pages are drawn in order on one Cairo PDF surface (fonts embedded once for the whole
/// deck), so the parallel stage only hands the frames' drawings on. The file is written atomically at
/// ``finish()``: it appears complete or not at all. No creation date is written, so the same
/// animation gives the same bytes on any number of threads.
public final class PDFDeckOutput: AnimationOutput {
    /// Where the deck appears.
    public let path: String
    /// Pages written, after ``finish()``.
    public private(set) var pagesWritten = 0
    /// The deck's size in bytes, after ``finish()``.
    public private(set) var bytesWritten = 0

    private var deck: PDFDeck?
    private var timeline: Timeline?

    public init(path: String) {
        self.path = path
    }

    /// The frames' vector drawings.
    public var needs: FrameContents { .vector }

    public func start(_ facts: AnimationFacts) throws {
        deck = try PDFDeck(size: facts.size, title: facts.title)
        timeline = facts.timeline
    }

    /// Pages share one surface and must be drawn in order, so the drawing goes on as it is.
    public func produce(_ frame: AnimationFrame, worker: Int) throws -> VectorFrame {
        guard let vector = frame.vector else { throw AnimationOutputState.missing("drawing", output: "PDFDeckOutput") }
        return vector
    }

    public func consume(_ products: [VectorFrame], from first: Int) throws {
        guard let deck, let timeline else { throw AnimationOutputState.notStarted("PDFDeckOutput") }
        for (offset, page) in products.enumerated() {
            let content = timeline.frames[first + offset].content
            let label = timeline.label(content)
            try deck.addPage(page, label: label, bookmark: content.isKeyFrame ? label : nil)
        }
    }

    public func finish() throws {
        guard let deck else { throw AnimationOutputState.notStarted("PDFDeckOutput") }
        let bytes = try deck.finish()
        try AtomicFile.write(bytes, to: path)
        pagesWritten = deck.pageCount
        bytesWritten = bytes.count
        release()
    }

    public func abort() {
        release()
    }

    private func release() {
        deck = nil
        timeline = nil
    }
}
