import Foundation
import ArgumentParser
import GMM
import GMMAnimation
import GMMFiles
import GMMRender

/// The one place where the libraries' typed errors become what a user of the command line
/// reads: the libraries speak of `maxIterations` and `regCovar`, the user set `--max-iter` and
/// `--reg-covar`, so every message that names a setting names its flag here.
enum ErrorMessages {
    /// The message for an error of a library or of a command, or `nil` for an error of
    /// argument parsing (which ArgumentParser words itself).
    static func message(for error: any Error) -> String? {
        switch error {
        case let e as InputContext: return message(for: e.error, data: e.data, history: e.history)
        default: return message(for: error, data: "the data", history: nil)
        }
    }

    /// The message for `error`, naming the data and the history by the names the user gave.
    private static func message(for error: any Error, data: String, history: String?) -> String? {
        switch error {
        case let e as FitError: return wording(of: e, data: data)
        case let e as DataError: return wording(of: e)
        case let e as RenderError: return wording(of: e, data: data, history: history)
        case let e as FileError: return e.description
        case let e as AnimationError: return wording(of: e, savedFit: history != nil)
        case let e as VideoError: return wording(of: e)
        default: return nil
        }
    }

    /// Runs `body`, turning a library error into a `ValidationError` with the user's message
    /// (`validate()` must throw `ValidationError`s: ArgumentParser wraps any other error).
    static func validating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError(message(for: error) ?? "\(error)")
        }
    }

    // MARK: - Flags

    /// The flag that sets a fit parameter.
    static func flag(_ parameter: FitParameter) -> String {
        switch parameter {
        case .components: return "-k"
        case .maxIterations: return "--max-iter"
        case .tolerance: return "--tol"
        case .regCovar: return "--reg-covar"
        case .runs: return "--n-init"
        case .threads: return "--threads"
        }
    }

    /// The flag that sets a render parameter. The chart's size and scale have no flag: `select`
    /// draws charts at the library's defaults.
    static func flag(_ parameter: RenderParameter) -> String {
        switch parameter {
        case .size: return "--size"
        case .scale: return "--scale"
        case .bounds: return "--bounds"
        case .sigmas: return "--sigmas"
        case .axes: return "--axes"
        case .pointRadius: return "--point-radius"
        case .textScale: return "--text-scale"
        case .view: return "--view"
        case .pins: return "--pin"
        case .chartSize: return "chart size"
        case .chartScale: return "chart scale"
        }
    }

    /// The flag that names an input file.
    static func flag(_ kind: InputFile.Kind) -> String {
        switch kind {
        case .samples: return "--data"
        case .history: return "--history-in"
        }
    }

    /// The flag that sets an animation parameter.
    static func flag(_ parameter: AnimationError.Parameter) -> String {
        switch parameter {
        case .tween: return "--tween"
        case .delay: return "--delay"
        case .holdFirst: return "--hold-first"
        case .holdLast: return "--hold-last"
        case .maxFrames: return "--max-frames"
        case .holdIteration: return "--hold-iteration"
        case .loopCount: return "--loop"
        case .threads: return "--threads"
        case .videoQuality: return "--video-quality"
        }
    }

    /// A covariance type as the user sets it.
    static func flag(_ type: CovarianceType) -> String { "--covariance-type \(type)" }

    // MARK: - Fitting

    /// The library's own sentences with flags for its setting names, except where the fix a
    /// user of the command line needs is another one (another option, another command).
    /// `data` names the data, as its path or "the demo data".
    static func wording(of error: FitError, data: String = "the data") -> String {
        switch error {
        case let .tooFewSamples(samples, components):
            return "\(data) has \(samples) sample\(samples == 1 ? "" : "s") but the model has \(components) components; give at least \(components) samples or lower -k"
        case let .tooFewDistinctPoints(distinct, components):
            return "\(data) has only \(distinct) distinct point\(distinct == 1 ? "" : "s") for \(components) components; lower -k to at most \(distinct) or give explicit --means"
        case let .outOfRange(.components, value, allowed) where value >= allowed.lowerBound:
            return "-k \(value) is more than \(allowed.upperBound) components; lower -k"
        case let .tooManyDimensions(dimension, maximum):
            return "\(data) has \(dimension) dimensions, more than the \(maximum) gmmviz fits (each covariance holds D × D numbers); pick fewer columns with --columns"
        case .noCovarianceTypes:
            return "--covariance-type names no type; give full, tied, diag, spherical, mclust's names (EII, VEV, …) or all"
        case .selectionNeedsDataDrivenStart:
            return "select needs a data-driven --init (kmeans, kmeans++, random, random-from-data, hierarchical or kmeans-scaled); explicit means fix K"
        case let .tooManySamplesForHierarchy(samples, maximum):
            return "\(data) has \(samples) samples, more than the \(maximum) the hierarchical clustering accepts (it keeps N²/2 pair costs); --init hierarchical clusters a subsample of larger data"
        case let .invalidInitialModel(problem):
            return wording(of: problem)
        case .outOfRange, .notFiniteNonNegative, .illDefinedCovariance, .nonFiniteLikelihood, .valuesTooLarge:
            return error.description(naming: flag, namingType: flag)
        }
    }

    /// The banner on the last frame of a fit that ended in a covariance collapse: which
    /// component, how many points it held, and what to change.
    static func banner(for collapse: CollapsedFit) -> FrameBanner {
        let k = collapse.history.components, n = collapse.history.samples
        let lowerK = k > 1 ? " or lower -k to \(k - 1)" : ""
        let count = String(format: collapse.effectiveCount < 10 ? "%.1f" : "%.0f", collapse.effectiveCount)
        return FrameBanner(
            component: collapse.component,
            headline: "EM stopped: component \(collapse.component + 1) collapsed in iteration \(collapse.iteration)",
            detail: "It held only N≈\(count) of \(n) points, and its covariance shrank onto them until it was singular. "
                + "This frame is the last valid model. Raise --reg-covar (the default is 1e-6)\(lowerK).")
    }

    /// What is wrong with the initial model the user gave with `--means`, `--weights` and
    /// `--covariances`.
    static func wording(of problem: ModelProblem) -> String {
        switch problem {
        case let .count(.weights, given, k):
            return "--weights has \(given) value\(given == 1 ? "" : "s") for \(k) components (one per point of --means); give \(k)"
        case let .count(.covariances, given, k):
            return "--covariances has \(given) matri\(given == 1 ? "x" : "ces") for \(k) components; give one D × D matrix per component, separated by ';'"
        case let .meanDimension(mean, coordinates, d):
            return "--means: mean \(mean + 1) has \(coordinates) coordinates but the data has \(d) dimensions; give \(d) per point"
        case let .meanNotFinite(mean):
            return "--means: point \(mean + 1) has a value that is not finite; give finite numbers"
        case let .weightNotPositive(weight, value):
            return "--weights: weight \(weight + 1) is \(value); every weight must be a finite number greater than 0"
        case let .weightsSum(sum):
            return "--weights sum to \(sum), not 1; divide each by \(sum) or fix one of them"
        case let .covariance(c, .notSquare(d)):
            return "--covariances: matrix \(c + 1) is not \(d) × \(d); \(d)-dimensional means need \(d) × \(d) = \(d * d) numbers per matrix, row-major"
        case let .covariance(c, covarianceProblem):
            switch covarianceProblem {
            case .notSymmetric, .notPositiveDefinite:
                return "--covariances: matrix \(c + 1) \(covarianceProblem); give a symmetric positive definite matrix such as the identity"
            case .notSquare, .notTied, .notShared, .offDiagonal, .unequalVariances:
                return "--covariances: matrix \(c + 1) \(covarianceProblem.description(namingType: flag))"
            }
        case .count(.means, _, _), .shapeMismatch:
            // Not met from the command line, where K is the number of --means.
            return "invalid initial model: \(problem.description(namingType: flag))"
        }
    }

    // MARK: - Data

    static func wording(of error: DataError) -> String {
        switch error {
        case let .noSuchFile(source, kind):
            return "\(source): no such file; check the path given to \(flag(kind))"
        case let .notAFile(source, kind):
            return "\(source): is a directory, not a file; give the path of a file to \(flag(kind))"
        case let .columnOutOfRange(source, position, columns):
            return "\(source): --columns \(position) is out of range; the file has \(DataError.columns(columns))"
        case let .columnNameWithoutHeader(source, name):
            return "\(source): --columns \"\(name)\" names a column but the file has no header row; pick columns by 1-based number"
        case let .notAHistory(source, reason):
            return "\(source): \(reason); give a file written by gmmviz fit --history"
        case let .invalidBlobs(problem):
            return wording(of: problem)
        case .malformed, .invalid, .duplicateColumnName, .unclosedQuote, .strayQuote, .otherEncoding, .notUTF8, .duplicateKey:
            return error.description
        }
    }

    /// What `generate` cannot draw from.
    static func wording(of problem: BlobProblem) -> String {
        switch problem {
        case .noMeans:
            return "--means names no point; give at least one, e.g. \"0,0;5,5\""
        case let .meanDimension(mean, coordinates, d):
            return "--means: point \(mean + 1) has \(coordinates) coordinate\(coordinates == 1 ? "" : "s") but point 1 has \(d) coordinate\(d == 1 ? "" : "s")"
        case let .meanNotFinite(mean):
            return "--means: point \(mean + 1) has a value that is not finite; give finite numbers"
        case let .count(count, allowed):
            guard count >= allowed.lowerBound else { return "--count must be at least \(allowed.lowerBound), got \(count)" }
            return "--count \(count) is more than \(Ticks.grouped(allowed.upperBound)) points per blob; lower it"
        case let .standardDeviation(std):
            return "--std must be a positive number, got \(std)"
        }
    }

    // MARK: - Drawing

    /// `data` and `history` name the inputs, as the user gave them.
    static func wording(of error: RenderError, data: String = "the data", history: String? = nil) -> String {
        switch error {
        case let .invalidOption(parameter, value, fix):
            return "\(flag(parameter)) \(value): \(fix)"
        case let .tooManyColumns(view, columns, maximum):
            return "--view \(view) draws at most \(maximum) columns but the data has \(columns); choose at most \(maximum) with --columns, e.g. --columns 1,2,3,4"
        case let .historySamples(samples, rows):
            return "\(history ?? "the history") is a fit of \(samples) sample\(samples == 1 ? "" : "s") but \(data) has \(rows) row\(rows == 1 ? "" : "s"); give the data it was fitted on with --data"
        case let .historyDimension(dimensions, columns):
            return "\(history ?? "the history") is a fit of \(dimensions)-dimensional data but \(data) has \(columns) column\(columns == 1 ? "" : "s"); give the data it was fitted on with --data"
        case let .tooFewColumns(view, columns, minimum):
            let has = "\(columns) column\(columns == 1 ? "" : "s")"
            switch view {
            case .plane: return "the data has \(has) but --view 2d draws \(minimum); drop --view to draw it as 1d"
            case .pairs: return "--view pairs needs at least two columns but the data has \(columns); draw it with --view 1d"
            case .pca: return "--view pca: principal axes need at least two columns but the data has \(columns)"
            case .line: return "--view 1d needs at least \(minimum) columns but the data has \(columns)"
            }
        case let .missingColumn(view, column, columns):
            let has = "the data has \(columns) column\(columns == 1 ? "" : "s"), numbered 1 to \(columns)"
            switch view {
            case .plane: return "--axes: column \(column + 1) is not in the data; \(has)"
            case .line: return "--view 1d:\(column + 1): \(has)"
            case .pairs, .pca: return "--view \(view.name): column \(column + 1) is not in the data; \(has)"
            }
        case let .sameAxes(column):
            return "--axes \(column + 1),\(column + 1): choose two different columns"
        case let .missingPoint(point, points):
            return "--pin \(point + 1): \(data) has \(points) row\(points == 1 ? "" : "s"); pin rows 1 to \(points), counted from the first data row"
        case .invalidScene, .cairo, .compression:
            return error.description
        }
    }

    // MARK: - Animation

    static func wording(of error: VideoError) -> String {
        switch error {
        case let .encoderMissing(program):
            return "video needs the \(program) program, which is not on PATH; install it (Debian: apt-get install ffmpeg), or write a .gif, .pdf or .html instead"
        case let .encoderFailed(status, message):
            return "ffmpeg failed (exit status \(status))\(message.isEmpty ? "" : ": \(message)"); no video was written"
        case let .encoderStopped(signal):
            return "ffmpeg was stopped by signal \(signal) before the video was complete; no video was written"
        }
    }

    /// `savedFit`: the animation draws a history read with `--history-in`, whose iterations
    /// no fit option changes.
    static func wording(of error: AnimationError, savedFit: Bool = false) -> String {
        switch error {
        case let .outOfRange(parameter, value, allowed):
            let fix: String
            switch parameter {
            case .tween: fix = "give 0 to \(allowed.upperBound) interpolated frames"
            case .delay: fix = "give a delay of \(allowed.lowerBound) to \(allowed.upperBound) hundredths of a second"
            case .holdFirst, .holdLast, .holdIteration: fix = "give \(allowed.lowerBound) to \(allowed.upperBound) hundredths of a second"
            case .maxFrames: fix = "allow at least \(allowed.lowerBound) frames (the first and the last) and at most \(allowed.upperBound)"
            case .loopCount: fix = "give 0 (forever) to \(allowed.upperBound)"
            case .threads: fix = "give \(allowed.lowerBound) to \(allowed.upperBound) threads (one per core is the default)"
            case .videoQuality: fix = "give \(allowed.lowerBound) (best, largest) to \(allowed.upperBound) (smallest) for this format"
            }
            return "\(flag(parameter)) \(value): \(fix)"
        case let .tooManyFrames(frames, iterations, limit):
            return "the animation would have \(frames) frames (\(iterations) iterations), more than the \(limit) it may have; add --max-frames \(limit) (iterations are sampled evenly) or lower --tween\(savedFit ? "" : " or --max-iter")"
        case let .maxFramesTooSmall(maxFrames, needed):
            return "--max-frames \(maxFrames) cannot hold the first frame and one step with its E/M frames and tweens (\(needed) frames); give --max-frames \(needed) or more, or fewer --tween frames"
        case .noOutput:
            return "nothing to write; give --out PATH or --frames-dir DIR"
        }
    }
}
