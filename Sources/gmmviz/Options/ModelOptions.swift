import ArgumentParser
import Foundation
import GMM

/// The initialisations the command line offers.
enum InitMethod: String, ExpressibleByArgument, CaseIterable {
    case kmeansPlusPlus = "kmeans++"
    case randomFromData = "random-from-data"
}

/// The mixture to fit and where EM starts.
struct ModelOptions: ParsableArguments {
    @Option(name: [.customShort("k"), .customLong("components")], parsing: .unconditional, help: "Number of mixture components K (default 3, or the number of --means).")
    var components: Int?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Initial means, one point per component separated by ';', e.g. \"-5,-5;0,-5;0,5\". Covariances start as identity, weights equal.", valueName: "points"))
    var means: String?

    @Option(name: .customLong("init"), parsing: .unconditional, help: ArgumentHelp("Initialisation when no --means are given: kmeans++ (default for --data) or random-from-data.", valueName: "method"))
    var initMethod: InitMethod?

    func validate() throws {
        if let components, components < 1 { throw ValidationError("-k/--components must be at least 1, got \(components)") }
        if means != nil, initMethod != nil { throw ValidationError("give either --means or --init, not both") }
        if let means {
            let parsed = try Self.parsePoints(means, option: "--means")
            if let components, components != parsed.count {
                throw ValidationError("-k \(components) does not match the \(parsed.count) points of --means; drop -k or give \(components) means")
            }
        }
    }

    /// K and the initialisation, given the data (`isDemo` selects the notebook's start).
    func resolve(isDemo: Bool) throws -> (components: Int, initialization: Initialization) {
        if let means {
            let points = try Self.parsePoints(means, option: "--means")
            return (points.count, .means(points))
        }
        let k = components ?? 3
        switch initMethod {
        case .kmeansPlusPlus: return (k, .kMeansPlusPlus)
        case .randomFromData: return (k, .randomFromData)
        case nil: return isDemo && k == Demo.initialMeans.count ? (k, .means(Demo.initialMeans)) : (k, .kMeansPlusPlus)
        }
    }

    /// Parses "x,y;x,y;…" into points of equal dimension.
    static func parsePoints(_ text: String, option: String) throws -> [[Double]] {
        let groups = text.split(separator: ";", omittingEmptySubsequences: false)
        var points = [[Double]]()
        for (i, group) in groups.enumerated() {
            let cells = group.split(separator: ",", omittingEmptySubsequences: false)
            var point = [Double]()
            for cell in cells {
                let t = cell.trimmingCharacters(in: .whitespaces)
                guard let v = Double(t), v.isFinite else {
                    throw ValidationError("\(option): \"\(t)\" in point \(i + 1) is not a finite number; write points as \"x,y;x,y\"")
                }
                point.append(v)
            }
            if let first = points.first, first.count != point.count {
                throw ValidationError("\(option): point \(i + 1) has \(point.count) coordinates, point 1 has \(first.count)")
            }
            points.append(point)
        }
        return points
    }
}

/// EM's stopping rule, regulariser and threads.
struct FitTuning: ParsableArguments {
    @Option(name: .customLong("max-iter"), parsing: .unconditional, help: "Maximum number of EM iterations.")
    var maxIterations: Int = 100

    @Option(name: .customLong("tol"), parsing: .unconditional, help: "Stop when the mean log-likelihood changes by less than this; 0 runs every iteration.")
    var tolerance: Double = 1e-3

    @Option(name: .customLong("reg-covar"), parsing: .unconditional, help: "Added to every covariance's diagonal to keep it positive definite.")
    var regCovar: Double = 1e-6

    @Option(name: .long, parsing: .unconditional, help: "Worker threads (default: all cores); results are identical for any number.")
    var threads: Int?

    func validate() throws {
        do { try options(seed: 0).validate() } catch let error as FitError { throw ValidationError(error.description) }
    }

    func options(seed: UInt64) -> FitOptions {
        FitOptions(maxIterations: maxIterations, tolerance: tolerance, regCovar: regCovar, seed: seed, threads: threads)
    }
}
