import ArgumentParser
import Foundation
import GMM
import GMMAnimation
import GMMFiles
import GMMRender

/// `gmmviz select`: fit a range of K (and covariance types) and choose by BIC.
struct Select: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit every K in a range (and covariance type) and pick the model with the lowest BIC.",
        discussion: """
        Each fit is `gmmviz fit` with the given EM settings. By default every K from 1 to 9 is \
        fitted with each of mclust's fourteen covariance models (Celeux and Govaert's λ·D·A·Dᵀ \
        family: EII, VII, EEI, VEI, EVI, VVI, EEE, VEE, EVE, VVE, EEV, VEV, EVV, VVV, where \
        VVV is full, EEE tied, VVI diag and VII spherical), the grid R's Mclust fits. Without \
        --init every (K, type) is \
        fitted twice, from k-means (scikit-learn's start) and from model-based hierarchical \
        clustering (mclust's), and the fit of higher log-likelihood is kept; EM runs to a \
        tolerance of 1e-5 (fit's 1e-3 can stop a slow fit short of its maximum, which BIC \
        compares). BIC and AIC follow \
        scikit-learn (−2·N·mean log-likelihood + penalty, lower is better; mclust reports the \
        same BIC with the opposite sign) and charge mclust's parameter counts. The table marks the \
        lowest BIC; --json prints the same for programs. A fit that fails (say a component \
        collapses at a large K) is reported on standard error and left out.

        Singular fits are listed (marked ~, "singular" in --json) but not chosen: a component \
        that closed onto too few points (one point, points sharing a value in a column) has a \
        covariance only --reg-covar keeps positive definite, and its BIC falls without bound \
        as --reg-covar does. mclust refuses such fits; scikit-learn ranks them, which on a few \
        dozen samples often makes a K = 8 model with more parameters than samples its choice. \
        Unless --reg-covar is given, every other fit is carried on from its maximum without \
        the regulariser, so BIC compares maxima of the likelihood itself, as mclust's do.

        Examples:
          gmmviz select --data blobs.csv
          gmmviz select --data blobs.csv --covariance-type sklearn --chart bic.png
          gmmviz select --data blobs.csv --k 2...6 --covariance-type full,VEV,EEI --json
          gmmviz select --data blobs.csv --k 1...8 --render-best --history best.json
          gmmviz select --data faithful.csv --k 1...6 --gallery choice.png
          gmmviz select --data iris.csv --view pca --preset slides --gallery k.pdf

        --gallery draws the choice itself: the fitted model of every K side by side (data \
        coloured by that fit's responsibilities, its ellipses and means, headed by K, its BIC \
        and mean log-likelihood), beside BIC against K, the chosen K marked in both. A .pdf \
        (or a directory ending in /) gets it as it builds up, one more K per page, for \
        stepping through in a lecture; its last page is the whole picture.
        """
    )

    @OptionGroup(title: "Data") var dataOptions: DataOptions

    @Option(name: [.customShort("k"), .customLong("k")], parsing: .unconditional, help: ArgumentHelp("Numbers of components to try, FIRST...LAST (or one number). (default: 1...9, as mclust's Mclust)", valueName: "range"), transform: ComponentRange.init(parsing:))
    var range = ComponentRange(1 ... 9)

    @Option(name: .customLong("covariance-type"), parsing: .unconditional, help: ArgumentHelp("Covariance types to try: a comma-separated list of full, tied, diag, spherical and mclust's names (EII, VEV, …; VVV, EEE, VVI and VII are the first four), or all (mclust's fourteen models) or sklearn (scikit-learn's four). (default: all)", valueName: "types"), transform: CovarianceTypeList.init(parsing:))
    var covarianceTypes = CovarianceTypeList(CovarianceType.mclust)

    @Option(name: .customLong("init"), parsing: .unconditional, help: ArgumentHelp("Start of every fit: kmeans, kmeans++, random, random-from-data, hierarchical or kmeans-scaled. (default: the better fit of kmeans and hierarchical)", valueName: "method"))
    var initMethod: InitMethod?

    @OptionGroup(title: "EM") var tuning: FitTuning

    @Flag(name: .long, help: "Print every fit's log-likelihood, BIC and AIC and the chosen model as JSON on standard output.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Draw BIC against K (one line per covariance type, minimum marked) to this .png, .svg or .pdf file.", valueName: "path"), transform: ChartDestination.init(parsing:))
    var chart: ChartDestination?

    @Option(name: .long, help: ArgumentHelp("Draw the fitted model of every K side by side, each headed by K, its BIC and log-likelihood, beside BIC against K with the chosen K marked: a .png or .svg picture, a .pdf deck adding one K per page (the last page the whole picture), or a directory ending in / of those pages as frame_0000.png, ….", valueName: "path"), transform: GalleryDestination.init(parsing:))
    var gallery: GalleryDestination?

    @Option(name: .long, help: ArgumentHelp("Theme of the chart, the gallery and the animation: light (default) or dark.", valueName: "theme"))
    var theme: Theme = .light

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The picture of --gallery and --render-best: 2d (the first two columns, the default), pca (the first two principal axes) or 1d or 1d:N (one column's densities; automatic for one-column data).", valueName: "view"))
    var view: ViewChoice?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Size of --gallery and --render-best in pixels, WIDTHxHEIGHT (default 1000x600).", valueName: "WxH"), transform: FrameSize.init(parsing:))
    var size: FrameSize?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Size --gallery and --render-best for slides: slides (1920x1080) or slides-4x3 (1440x1080), text 2.25x larger; --size overrides the shape, --text-scale the text.", valueName: "preset"))
    var preset: RenderOptions.Preset?

    @Option(name: .customLong("text-scale"), parsing: .unconditional, help: "Text size of --gallery and --render-best relative to the default frame's, 0.5 to 4 (default: 1, or 2.25 with --preset).", transform: Numbers.decimal)
    var textScale: Double?

    @Option(name: .long, help: ArgumentHelp("Write the history of the chosen model's fit as JSON to this file (schema: docs/history-schema.md).", valueName: "path"), transform: FilePath.parse)
    var history: String?

    @Flag(name: .customLong("render-best"), help: "Render the chosen model's fit as an animated GIF (to --out), drawn on the data's extent.")
    var renderBest = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Where --render-best writes the animation: a .gif, a .pdf deck or an .html player. (default: \(Render.defaultOutput))", valueName: "path"), transform: AnimationDestination.init(parsing:))
    var out: AnimationDestination = Render.defaultDestination

    @Option(name: .long, parsing: .unconditional, help: "The format of --out when its extension names none (a device or a pipe): gif, pdf or html.")
    var format: AnimationDestination.Format?

    @Flag(name: .shortAndLong, help: "No progress bar and no summary line for --render-best.")
    var quiet = false

    /// The fits to make: the library checks the range, the types and the EM settings.
    var selection: ModelSelection {
        ModelSelection(components: range.range, covarianceTypes: covarianceTypes.types,
                       starts: initMethod.map { [$0.initialization] } ?? ModelSelection.defaultStarts,
                       options: tuning.options(seed: dataOptions.seed, defaultTolerance: FitTuning.selectionTolerance),
                       releasesRegularisation: tuning.regCovar == nil)
    }

    func validate() throws {
        try ErrorMessages.validating { try selection.validate() }
        if renderBest { _ = try out.resolved(format: format) }
        try validatePictureOptions()
    }

    func run() throws {
        for path in [chart?.path, history, gallery.flatMap { $0.kind == .frames ? nil : $0.path }].compactMap({ $0 }) {
            try AtomicFile.checkDestination(path)
        }
        if let gallery, gallery.kind == .frames { try AtomicFile.checkDirectory(gallery.path) }
        let bestOutputs = renderBest ? try renderJob().prepare() : nil
        let data = try dataOptions.load()
        // The pictures' options are checked against the data before any fit.
        let picture = try pictureOptions(dimension: data.dimension)
        let result = try selection.run(data)
        for c in result.candidates {
            if case let .failure(error) = c.outcome { Terminal.note("K = \(c.components), \(c.covarianceType): not fitted: \(ErrorMessages.wording(of: error))") }
        }
        if result.ranksSingularFits {
            Terminal.note("every fit has a component that closed onto too few points (its covariance is --reg-covar's alone), so the choice is among them; scale the columns if they vary by less than --reg-covar, look for a constant column or columns that are combinations of others, or try fewer components")
        }
        // The gallery is drawn before any file is written: one that cannot be drawn leaves none.
        let galleryPages = try gallery.map { try drawGallery(result, data: data, options: picture, as: $0.kind) }
        // The files first: a command whose chart or history cannot be written prints no results.
        if let chart {
            let drawing = try CriterionChart(selection: result)
            var options = ChartOptions()
            options.theme = theme
            try ChartRenderer(options: options).write(drawing, format: chart.format, to: chart.path)
        }
        if let history, let best = result.best.result { try AtomicFile.write(Array(best.history.jsonText().utf8), to: history) }
        if let gallery, let galleryPages { try writeGallery(galleryPages, to: gallery) }
        try Terminal.output(json ? SelectReport.json(result, data: data) : SelectReport.table(result, data: data, source: dataOptions.sourceName,
                                                                                                start: initMethod?.rawValue ?? "best of the kmeans and hierarchical", runs: tuning.runs))
        if let bestOutputs, let best = result.best.result { try renderBest(best.history, data: data, options: picture, into: bestOutputs) }
    }
}
