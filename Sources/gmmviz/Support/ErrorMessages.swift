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
        case let e as FitError: return wording(of: e)
        case let e as DataError: return wording(of: e)
        case let e as RenderError: return wording(of: e)
        case let e as CommandFailure: return e.description
        case let e as FileError: return e.description
        case let e as AnimationError: return wording(of: e)
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
        case .view: return "--view"
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

    // MARK: - Messages

    /// The library's own sentences with flags for its setting names, except where the fix a
    /// user of the command line needs is another one (another option, another command).
    static func wording(of error: FitError) -> String {
        switch error {
        case let .tooFewDistinctPoints(distinct, components):
            return "the data has only \(distinct) distinct point\(distinct == 1 ? "" : "s") for \(components) components; lower -k to at most \(distinct) or give explicit --means"
        case let .outOfRange(.components, value, allowed) where value >= allowed.lowerBound:
            return "-k \(value) is more than \(allowed.upperBound) components; lower -k"
        case let .tooManyDimensions(dimension, maximum):
            return "the data has \(dimension) dimensions, more than the \(maximum) gmmviz fits (each covariance holds D × D numbers); pick fewer columns with --columns"
        case .noCovarianceTypes:
            return "--covariance-type names no type; give full, tied, diag, spherical or all"
        case .selectionNeedsDataDrivenStart:
            return "select needs a data-driven --init (kmeans, kmeans++, random or random-from-data); explicit means fix K"
        case .tooFewSamples, .outOfRange, .notFiniteNonNegative, .invalidInitialModel, .illDefinedCovariance,
             .nonFiniteLikelihood, .valuesTooLarge:
            return error.description(naming: flag, namingType: { "--covariance-type \($0)" })
        }
    }

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
        case .malformed, .invalid, .duplicateColumnName, .unclosedQuote, .strayQuote, .otherEncoding, .notUTF8, .duplicateKey:
            return error.description
        }
    }

    static func wording(of error: RenderError) -> String {
        switch error {
        case let .invalidOption(parameter, value, fix):
            return "\(flag(parameter)) \(value): \(fix)"
        case let .tooManyColumns(view, columns, maximum):
            return "--view \(view) draws at most \(maximum) columns but the data has \(columns); choose at most \(maximum) with --columns, e.g. --columns 1,2,3,4"
        case .invalidScene, .cairo, .compression:
            return error.description
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
        }
    }

    static func wording(of error: AnimationError) -> String {
        switch error {
        case let .outOfRange(parameter, value, allowed):
            let fix: String
            switch parameter {
            case .tween: fix = "give 0 to \(allowed.upperBound) interpolated frames"
            case .delay: fix = "give a delay of \(allowed.lowerBound) to \(allowed.upperBound) hundredths of a second"
            case .holdFirst, .holdLast, .holdIteration: fix = "give \(allowed.lowerBound) to \(allowed.upperBound) hundredths of a second"
            case .maxFrames: fix = "allow at least \(allowed.lowerBound) frames (the first and the last) and at most \(allowed.upperBound)"
            case .loopCount: fix = "give 0 (forever) to \(allowed.upperBound)"
            case .threads: fix = "give at least \(allowed.lowerBound) thread"
            }
            return "\(flag(parameter)) \(value): \(fix)"
        case let .tooManyFrames(frames, iterations, limit):
            return "the animation would have \(frames) frames (\(iterations) iterations), more than the \(limit) it may have; add --max-frames \(limit) (iterations are sampled evenly) or lower --tween or --max-iter"
        case .noOutput:
            return "nothing to write; give --out PATH or --frames-dir DIR"
        }
    }
}
