import ArgumentParser
import Foundation
import GMM
import GMMFiles

/// `gmmviz fit`: run EM and report the model, optionally with its whole history.
struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a Gaussian mixture by EM and report the fitted model.",
        discussion: """
        The fit is scikit-learn's GaussianMixture: the same E-step, M-step for each \
        --covariance-type, reg_covar and stopping rule, so the same data and initial model give \
        the same parameters and iteration count.

        Examples:
          gmmviz fit                                # the notebook's demo
          gmmviz fit --history output/history.json  # every EM step as JSON
          gmmviz fit --data points.csv -k 4 --json  # your data, final model
          gmmviz fit --tol 0 --reg-covar 0 --means "-5,-5;0,-5;0,5"
          gmmviz fit --data points.csv -k 4 --covariance-type diag --init kmeans --n-init 5
          gmmviz fit --means "0,0;5,5" --weights "0.3,0.7" --covariances "1,0,0,1;2,0.5,0.5,1"
        """
    )

    @OptionGroup(title: "Data") var dataOptions: DataOptions
    @OptionGroup(title: "Model") var model: ModelOptions
    @OptionGroup(title: "EM") var tuning: FitTuning

    @Option(name: .long, help: ArgumentHelp("Write the history of every EM step as JSON to this file (schema: docs/history-schema.md); a fit that fails writes none.", valueName: "path"), transform: FilePath.parse)
    var history: String?

    @Flag(name: .long, help: "Print the final model, convergence and log-likelihood as JSON on standard output.")
    var json = false

    func run() throws {
        if let history { try AtomicFile.checkDestination(history) }
        let run = try FitRun(data: dataOptions, model: model, tuning: tuning)
        if let history {
            try AtomicFile.write(Array(run.history.jsonText().utf8), to: history)
        }
        if json {
            try Terminal.output(FitReport.json(run.history))
        } else {
            try Terminal.output(FitReport.table(run.history, source: dataOptions.sourceName))
        }
    }
}
