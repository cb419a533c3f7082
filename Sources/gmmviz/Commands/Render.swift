import ArgumentParser
import Foundation
import GMM
import GMMFiles
import GMMAnimation
import GMMRender

/// `gmmviz render`: fit (or load a fit) and draw every step as an animated GIF and frames.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a mixture and draw every EM step as an animated GIF and slide frames.",
        discussion: """
        With no options it renders the built-in demo (the notebook's experiment) to \
        output/comb.gif. Every data, model and EM option of 'gmmviz fit' applies.

        Examples:
          gmmviz render                                    # the demo → output/comb.gif
          gmmviz render --frames-dir output/frames         # … and frame_0000.png, …
          gmmviz render --steps em --out em.gif            # E-step and M-step frames
          gmmviz render --compare kmeans --steps em        # k-means beside EM
          gmmviz render --data blobs.csv -k 4 --init random --starts 6  # 6 starts
          gmmviz render --tween 6 --out smooth.gif         # interpolated motion
          gmmviz render --preset slides --out deck.pdf     # a 1920x1080 PDF deck
          gmmviz render --out lecture.html                 # a page to present live
          gmmviz render --out talk.mp4                     # H.264 for PowerPoint, Keynote
          gmmviz render --out talk.webm --video-quality 30 # VP9, smaller, for the web
          gmmviz render --timing constant                  # every iteration 0.5 s
          gmmviz render --theme dark --frames-dir slides --frame-format pdf
          gmmviz render --data points.csv -k 4 --bounds auto --equal-aspect
          gmmviz render --data iris.csv -k 3 --view pairs  # every pair of columns
          gmmviz render --data faithful.csv -k 2 --init bunched  # for teaching
          gmmviz render --data iris.csv -k 3 --view pca    # principal axes
          gmmviz render --bounds auto --regions --density contours
          gmmviz render --data faithful.csv --pin 12,57    # rows 12, 57: γ bars
          gmmviz fit --history h.json && gmmviz render --history-in h.json --theme dark
          gmmviz render --history-in h.json --data big.csv --sample 20000  # a sample
        """
    )

    @OptionGroup(title: "Data") var dataOptions: DataOptions
    @OptionGroup(title: "Model") var model: ModelOptions
    @OptionGroup(title: "EM") var tuning: FitTuning
    @OptionGroup(title: "Drawing") var drawing: DrawingOptions
    @OptionGroup(title: "Animation") var animation: AnimationOptions

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Where to write the animation, in the format of its extension: .gif an animated GIF, .pdf a PDF deck (one page per frame), .html a self-contained player, .mp4 (H.264) or .webm (VP9) a video for slides and the web, which needs ffmpeg ('none' for frames only). (default: \(Render.defaultOutput))", valueName: "path"), transform: AnimationDestination.init(parsing:))
    var out: AnimationDestination = Render.defaultDestination

    @Option(name: .long, parsing: .unconditional, help: "The format of --out when its extension names none (a device or a pipe): gif, pdf, html, mp4 or webm.")
    var format: AnimationDestination.Format?

    @Option(name: .customLong("video-quality"), parsing: .unconditional, help: "The video's constant rate factor, lower is better and larger: 0 to 51 for .mp4, 0 to 63 for .webm (default: 21 and 8 at 1000x600, lower for larger frames: 16 and 2 at 1920x1080).", transform: Numbers.whole)
    var videoQuality: Int?

    @Option(name: .customLong("frames-dir"), parsing: .unconditional, help: ArgumentHelp("Also write every frame into this directory as frame_0000.png, … (created if missing).", valueName: "dir"), transform: FilePath.parse)
    var framesDirectory: String?

    @Option(name: .customLong("frame-format"), parsing: .unconditional, help: "Format of the frame files: png, svg or pdf.")
    var frameFormat: FrameFormat = .png

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Also write the fit's history as JSON to this file.", valueName: "path"), transform: FilePath.parse)
    var history: String?

    @Option(name: .customLong("history-in"), parsing: .unconditional, help: ArgumentHelp("Draw a saved fit (from 'gmmviz fit --history' or docs/history-schema.md) instead of fitting; give the data it was fitted on with --data (the demo data by default).", valueName: "path"), transform: FilePath.parse)
    var historyIn: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Draw another algorithm beside the EM in every frame, from the same start: kmeans (Lloyd's k-means from the EM's initial means: points in their centroid's colour, Voronoi cells, centroids and their paths). Works with the 2d and pca views.", valueName: "algorithm"))
    var compare: Comparison?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Draw this many EM runs (2 to 9) side by side in a grid, each from the --init start drawn with the seed --n-init would give that run, so the run marked best is the one 'fit --n-init' keeps; runs that end at the same optimum share a letter. Needs a seeded --init (not --means or hierarchical) and the 2d or pca view; one frame per iteration (no --steps em or --tween).", valueName: "runs"), transform: Numbers.whole)
    var starts: Int?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Draw a uniform random sample of this many rows of --data, drawn with --seed, instead of every row; the header says 'sample of n of N points'. With --history-in the saved fit (of every row, e.g. by Spark) is drawn over the sample; otherwise the fit uses every row and only the frames show the sample. Not with --starts, --compare or --pin.", valueName: "rows"), transform: Numbers.whole)
    var sample: Int?

    @Flag(name: .shortAndLong, help: "No progress bar and no summary line.")
    var quiet = false

    static let defaultOutput = "output/comb.gif"
    // The default is a literal with a known extension, so it always parses.
    static let defaultDestination = (try? AnimationDestination(parsing: defaultOutput)) ?? AnimationDestination.none
    /// The directory of ``defaultOutput``, created on the first run that writes into it.
    static let defaultDirectory = "output"

    func validate() throws {
        _ = try out.resolved(format: format)
        if out.path == nil, framesDirectory == nil { throw ValidationError("--out none writes nothing; add --frames-dir DIR") }
        if historyIn == "-", dataOptions.data == "-" {
            throw ValidationError("--data - and --history-in - would both read standard input; give one of them a file")
        }
        if historyIn != nil, model.means != nil || model.components != nil || model.initMethod != nil {
            throw ValidationError("--history-in draws a saved fit; drop -k, --means and --init")
        }
        if let starts { try validateStarts(starts) }
        if let sample { try validateSample(sample) }
        if let compare, let view = drawing.view, view != .plane, view != .pca {
            throw ValidationError("--compare \(compare.rawValue) draws two planes side by side, not --view \(DrawingOptions.name(of: view)); use --view 2d or pca, or drop --compare")
        }
    }

    /// The runs `--starts` can draw, and the options that go with it.
    static let startsRange = 2 ... 9

    private func validateStarts(_ starts: Int) throws {
        guard Self.startsRange.contains(starts) else {
            throw ValidationError("--starts takes \(Self.startsRange.lowerBound) to \(Self.startsRange.upperBound) runs, not \(starts)")
        }
        if historyIn != nil { throw ValidationError("--starts fits its own runs; drop --history-in") }
        if compare != nil { throw ValidationError("--starts and --compare each fill the frame with panels; give one of them") }
        if tuning.runs != 1 { throw ValidationError("--starts draws every run that --n-init would try; drop --n-init") }
        if animation.steps != .iterations || animation.tween != 0 {
            throw ValidationError("--starts draws one frame per iteration; drop --steps em and --tween")
        }
        if let view = drawing.view, view != .plane, view != .pca {
            throw ValidationError("--starts draws a grid of planes, not --view \(DrawingOptions.name(of: view)); use --view 2d or pca, or drop --starts")
        }
        if !model.resolve(isDemo: dataOptions.isDemo).initialization.isRandom {
            throw ValidationError("--starts needs a start drawn from the seed, and \(model.means != nil ? "--means" : model.initMethod.map { "--init \($0.rawValue)" } ?? "the demo's start") is the same every time; use --init random, kmeans, kmeans++, random-from-data or bunched")
        }
    }

    private func validateSample(_ rows: Int) throws {
        guard rows >= 1 else { throw ValidationError("--sample takes a number of rows of 1 or more, not \(rows)") }
        if starts != nil { throw ValidationError("--starts draws each run over every point; drop --sample") }
        if compare != nil { throw ValidationError("--compare draws k-means over every point; drop --sample") }
        if drawing.pin != nil { throw ValidationError("--pin numbers rows of the whole data, which a sample may leave out; drop --pin or --sample") }
    }

    func run() throws {
        let job = AnimationJob(out: try out.resolved(format: format),
                               gifOptions: animation.gifOptions, sourceName: dataOptions.sourceName,
                               framesDirectory: framesDirectory,
                               frameFormat: frameFormat, threads: tuning.threads, videoQuality: videoQuality, quiet: quiet)
        let outputs = try job.prepare()
        if let history { try AtomicFile.checkDestination(history) }

        let runs = try starts.map(fitStarts)
        let (fitted, fitHistory, collapse) = try runs.map { ($0.data, $0.best, nil) } ?? loadOrFit()
        // The fit and the check of a saved fit use every row; the frames, the sample.
        let data = try sample.map { try fitted.uniformSample(size: $0, seed: dataOptions.seed) } ?? fitted
        var options = try drawing.renderOptions(dimension: data.dimension, builtInDemo: dataOptions.isDemo)
        if data.count < fitted.count { options.sampledFrom = fitted.count }
        if let collapse { options.finalBanner = ErrorMessages.banner(for: collapse) }
        if !quiet, let coverage = options.windowCoverage(of: data), let hint = Self.windowHint(coverage) { Terminal.note(hint) }
        do {
            // After a collapse the error below is the one line the run ends with.
            try job.run(outputs, history: fitHistory, data: data, options: options, timeline: animation.timelineOptions(),
                        comparison: try comparison(data: data, history: fitHistory), starts: runs.map { $0.runs },
                        summary: collapse == nil)
        } catch let error where historyIn != nil && !(error is InputContext) {
            // A saved fit's iterations are fixed: advice names only what applies to it.
            throw InputContext(error: error, data: dataOptions.sourceName, history: historyIn)
        }
        // The frames up to a collapse are written, its last frame saying why; the command
        // still fails, with the message `fit` gives, and writes no history (a history file
        // describes a finished fit).
        if let collapse { throw InputContext(error: collapse.error, data: dataOptions.sourceName) }
        // Written once the GIF is in place, so a run that fails leaves no new file behind.
        if let history { try AtomicFile.write(Array(fitHistory.jsonText().utf8), to: history) }
    }

    /// The run `--compare` draws beside the EM: k-means from the EM's initial means.
    private func comparison(data: Dataset, history: FitHistory) throws -> KMeansHistory? {
        guard compare == .kmeans else { return nil }
        return try KMeansHistory(data: data, centres: history.snapshots[0].parameters.means, threads: tuning.threads)
    }

    /// The data, the best run and every run of `count` seeded starts, as `fit --n-init count`
    /// would try them.
    private func fitStarts(_ count: Int) throws -> (data: Dataset, best: FitHistory, runs: [FitHistory]) {
        let data = try dataOptions.load()
        let (k, initialization) = model.resolve(isDemo: dataOptions.isDemo)
        do {
            let runs = try GaussianMixture(components: k, covarianceType: model.covarianceType,
                                           options: tuning.options(seed: dataOptions.seed))
                .fitEachRun(data, initialization: initialization, count: count)
            return (data, runs[Optima(runs).best], runs)
        } catch {
            throw InputContext(error: error, data: dataOptions.sourceName)
        }
    }

    /// A note when most points fall outside a window given with `--bounds`, suggesting
    /// `--bounds auto`.
    static func windowHint(_ c: WindowCoverage) -> String? {
        guard c.missesMost else { return nil }
        return "note: \(c.outside) of \(c.total) points lie outside the drawn window x \(c.xmin)…\(c.xmax), y \(c.ymin)…\(c.ymax); --bounds auto fits the window to the data"
    }

    /// The data and the history: loaded from --history-in, or fitted now (up to a covariance
    /// collapse, returned with it).
    private func loadOrFit() throws -> (Dataset, FitHistory, CollapsedFit?) {
        guard let path = historyIn else {
            let run = try FitRun(data: dataOptions, model: model, tuning: tuning, keepingHistoryOnCollapse: true)
            return (run.data, run.history, run.collapse)
        }
        let bytes = try InputFile.read(path: path, kind: .history)
        let h = try FitHistory(json: Data(bytes), source: path)
        let data = try dataOptions.load()
        // Checked now, before the drawing options are checked against the data.
        do {
            try SceneBuilder.check(h, describes: data)
        } catch {
            throw InputContext(error: error, data: dataOptions.sourceName, history: path)
        }
        return (data, h, nil)
    }
}
