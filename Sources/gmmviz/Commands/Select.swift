import ArgumentParser
import Foundation
import GMM
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

        Examples:
          gmmviz select --data blobs.csv
          gmmviz select --data blobs.csv --covariance-type sklearn --chart bic.png
          gmmviz select --data blobs.csv --k 2...6 --covariance-type full,VEV,EEI --json
          gmmviz select --data blobs.csv --k 1...8 --render-best --history best.json
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

    @Option(name: .long, help: ArgumentHelp("Theme of the chart: light (default) or dark.", valueName: "theme"))
    var theme: Theme = .light

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
                       options: tuning.options(seed: dataOptions.seed, defaultTolerance: FitTuning.selectionTolerance))
    }

    func validate() throws {
        try ErrorMessages.validating { try selection.validate() }
        if renderBest { _ = try out.resolved(format: format) }
    }

    func run() throws {
        for path in [chart?.path, history].compactMap({ $0 }) { try AtomicFile.checkDestination(path) }
        let bestOutputs = renderBest ? try renderJob().prepare() : nil
        let data = try dataOptions.load()
        let result = try selection.run(data)
        for c in result.candidates {
            if case let .failure(error) = c.outcome { Terminal.note("K = \(c.components), \(c.covarianceType): not fitted: \(ErrorMessages.wording(of: error))") }
        }
        // The files first: a command whose chart or history cannot be written prints no results.
        if let chart {
            let drawing = try CriterionChart(selection: result)
            var options = ChartOptions()
            options.theme = theme
            try ChartRenderer(options: options).write(drawing, format: chart.format, to: chart.path)
        }
        if let history, let best = result.best.result { try AtomicFile.write(Array(best.history.jsonText().utf8), to: history) }
        try Terminal.output(json ? SelectReport.json(result, data: data) : SelectReport.table(result, data: data, source: dataOptions.sourceName,
                                                                                                start: initMethod?.rawValue ?? "best of the kmeans and hierarchical", runs: tuning.runs))
        if let bestOutputs, let best = result.best.result { try renderBest(best.history, data: data, into: bestOutputs) }
    }
}
