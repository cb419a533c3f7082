import Foundation
import Testing
import GMM
@testable import GMMRender

/// The one-line note under each frame's header: it names what the view draws, reports only
/// changes that show, and fits its line.
@Suite("Frame notes")
struct NoteTests {
    /// Every note a fit's frames can carry: the initial model, and each iteration's E-step,
    /// M-step and plain snapshot.
    static func notes(_ builder: SceneBuilder) throws -> [String] {
        let r: SceneBuilder.Responsibilities = { try builder.responsibilities(at: $0) }
        var notes = [try builder.initialScene().note, try builder.snapshotScene(0, responsibilities: r).note]
        for i in 1 ..< builder.snapshotCount {
            notes.append(try builder.eStepScene(i, responsibilities: r).note)
            notes.append(try builder.mStepScene(i, responsibilities: r).note)
            notes.append(try builder.snapshotScene(i, responsibilities: r).note)
        }
        return notes.compactMap { $0 }
    }

    /// Full frames (title, header, side column) of the given size.
    static func options(_ view: FrameView, width: Int = 800, height: Int = 480) -> RenderOptions {
        var o = RenderOptions()
        o.width = width
        o.height = height
        o.view = view
        if view != .plane { o.bounds = .auto }
        return o
    }

    /// Iris's petal length alone, fitted from means 3 and 4 (the line view's classic example).
    static func petalLength() throws -> (Dataset, FitHistory) {
        let iris = try ViewTests.iris()
        let column = try Dataset(values: (0 ..< iris.count).map { iris.values[$0 * iris.dimension + 2] }, dimension: 1,
                                 columnNames: ["petal_length"])
        return (column, try GaussianMixture(components: 2).fit(column, initialization: .means([[3], [4]])).history)
    }

    static func irisFit() throws -> (Dataset, FitHistory) {
        let iris = try ViewTests.iris()
        return (iris, try GaussianMixture(components: 3).fit(iris, initialization: .kMeans).history)
    }

    /// The Euclidean distance between two points.
    static func distance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for (x, y) in zip(a, b) { sum += (x - y) * (x - y) }
        return sum.squareRoot()
    }

    /// The line view draws curves, never ellipses, and its notes say so.
    @Test func theLineViewsNotesNameCurves() throws {
        let (data, history) = try Self.petalLength()
        let notes = try Self.notes(SceneBuilder(history: history, data: data, options: Self.options(.line(column: 0))))
        #expect(notes.count == 2 + 3 * history.iterations)
        for note in notes { #expect(!note.contains("ellipse"), "\(note)") }
        #expect(notes.filter { $0.contains("curves") }.count >= 1 + 2 * history.iterations)
        // No ring or dashed model is drawn in this view, so no note points at one.
        for note in notes { #expect(!note.contains("ringed") && !note.contains("dashed"), "\(note)") }
    }

    /// The pairs view draws every component in every panel, and each note says so.
    @Test func thePairsViewsNotesNamePanels() throws {
        let (data, history) = try Self.irisFit()
        let notes = try Self.notes(SceneBuilder(history: history, data: data, options: Self.options(.pairs(columns: [0, 1, 2, 3]))))
        for note in notes {
            #expect(note.contains("panels"), "\(note)")
            #expect(!note.contains("ringed") && !note.contains("dashed"), "\(note)")
        }
    }

    /// The plane names its ellipses and points at the rings and dashed ellipses it draws.
    @Test func thePlanesNotesNameEllipses() throws {
        let builder = try SceneBuilder(history: demoFit.history, data: demoFit.data, options: Self.options(.plane))
        let r: SceneBuilder.Responsibilities = { try builder.responsibilities(at: $0) }
        #expect(try builder.initialScene().note?.contains("ellipses") == true)
        #expect(try builder.mStepScene(1, responsibilities: r).note?.contains("ellipses refitted") == true)
        #expect(try builder.mStepScene(1, responsibilities: r).note?.contains("(dashed: before)") == true)
        #expect(try builder.eStepScene(2, responsibilities: r).note?.contains("(ringed)") == true)
    }

    /// The demo's last step changes the log-likelihood by about 1e-11 and the means by far less
    /// than a pixel: its notes say "no visible change", not the noise.
    @Test func theDemosLastStepShowsNoVisibleChange() throws {
        let history = demoFit.history
        let n = history.iterations
        let last = history.snapshots[n], before = history.snapshots[n - 1]
        // The facts, from the history itself: a gain far below the header's 0.001 and mean moves
        // far below 0.005 (the ±10 window spans 20 units in a few hundred pixels).
        #expect(abs(last.logLikelihood - before.logLikelihood) < 1e-6)
        for k in 0 ..< history.components {
            #expect(Self.distance(last.parameters.means[k], before.parameters.means[k]) < 1e-4)
        }
        let builder = try SceneBuilder(history: history, data: demoFit.data, options: Self.options(.plane, width: 1000, height: 600))
        for note in [builder.mStepNote(at: n), builder.iterationNote(at: n)] {
            #expect(note.hasSuffix("no visible change"), "\(note)")
            #expect(!note.contains("e−") && !note.contains("0.00") && !note.contains("log-likelihood +"), "\(note)")
        }
    }

    /// A step that shows reports its largest mean move to two decimals (computed here from the
    /// history) and its gain.
    @Test func aVisibleStepReportsItsMoveAndGain() throws {
        let history = demoFit.history
        let builder = try SceneBuilder(history: history, data: demoFit.data, options: Self.options(.plane, width: 1000, height: 600))
        let moves = (0 ..< history.components).map { k in
            Self.distance(history.snapshots[1].parameters.means[k], history.snapshots[0].parameters.means[k])
        }
        let note = builder.mStepNote(at: 1)
        #expect(note.contains("means moved up to " + String(format: "%.2f", moves.max() ?? 0) + ", log-likelihood +"), "\(note)")
    }

    /// A move too small for two decimals that still spans pixels (a narrow window) is printed
    /// to its first significant digit, never as 0.00.
    @Test func aSmallVisibleMoveIsNotPrintedAsZero() {
        #expect(SceneBuilder.distanceText(0.003) == "0.003")
        #expect(SceneBuilder.distanceText(0.00042) == "0.0004")
        #expect(SceneBuilder.distanceText(0.42) == "0.42")
    }

    /// A gain the header shows but the inset would write as 7.0e−4 is written out.
    @Test func aSmallVisibleGainIsWrittenOut() throws {
        var snapshots = demoFit.history.snapshots
        let n = snapshots.count - 1
        snapshots[n].logLikelihood = snapshots[n - 1].logLikelihood + 0.0007
        let fit = demoFit.history
        let history = FitHistory(components: fit.components, dimensions: fit.dimensions, samples: fit.samples,
                                 covarianceType: fit.covarianceType, converged: true, snapshots: snapshots)
        let note = try SceneBuilder(history: history, data: demoFit.data, options: Self.options(.plane)).mStepNote(at: n)
        #expect(note.hasSuffix("log-likelihood +0.0007"), "\(note)")
    }

    /// Every note of every view fits on its line at 800 × 480: measured with the frame's own
    /// font, it ends before the frame's right margin (the side column's edge).
    @Test(arguments: ["plane", "pca", "line", "pairs"])
    func notesFitTheirLineAt800By480(view: String) throws {
        let (data, history, frameView): (Dataset, FitHistory, FrameView)
        switch view {
        case "plane": (data, history, frameView) = (demoFit.data, demoFit.history, .plane)
        case "pca": (data, history, frameView) = try { let (d, h) = try Self.irisFit(); return (d, h, .pca) }()
        case "line": (data, history, frameView) = try { let (d, h) = try Self.petalLength(); return (d, h, .line(column: 0)) }()
        default: (data, history, frameView) = try { let (d, h) = try Self.irisFit(); return (d, h, .pairs(columns: [0, 1, 2, 3])) }()
        }
        let options = Self.options(frameView)
        let builder = try SceneBuilder(history: history, data: data, options: options)
        let layout = try FrameLayout(options: options, scene: try builder.scene(at: 0))
        let right = max(layout.plot.maxX, layout.panel?.maxX ?? 0)
        let sink = MemorySink()
        let context = try CairoContext(try CairoSurface.svg(into: sink, width: layout.width, height: layout.height))
        context.font(size: layout.style.noteFont)
        for note in try Self.notes(builder) {
            let end = layout.plot.x + context.textWidth(note)
            #expect(end <= right, "\(view): \"\(note)\" ends at \(end) px, past \(right) px")
        }
    }
}
