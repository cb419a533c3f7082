import ArgumentParser
import Foundation
import GMM

/// The initialisations the command line offers.
enum InitMethod: String, ExpressibleByArgument, CaseIterable {
    case kmeans
    case kmeansPlusPlus = "kmeans++"
    case random
    case randomFromData = "random-from-data"

    /// The library's start of this name.
    var initialization: Initialization {
        switch self {
        case .kmeans: return .kMeans
        case .kmeansPlusPlus: return .kMeansPlusPlus
        case .random: return .random
        case .randomFromData: return .randomFromData
        }
    }
}

extension CovarianceType: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }
}

/// The mixture to fit and where EM starts.
struct ModelOptions: ParsableArguments {
    @Option(name: [.customShort("k"), .customLong("components")], parsing: .unconditional, help: "Number of mixture components K (default 3, or the number of --means).")
    var components: Int?

    @Option(name: .customLong("covariance-type"), parsing: .unconditional, help: ArgumentHelp("Covariance structure: full (default), tied (one matrix shared by all components), diag (per-axis variances) or spherical (one variance per component).", valueName: "type"))
    var covarianceType: CovarianceType = .full

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Initial means, one point per component separated by ';', e.g. \"-5,-5;0,-5;0,5\". Covariances start as identity, weights equal, unless --covariances and --weights are given.", valueName: "points"))
    var means: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Initial weights with --means, one per component, positive and summing to 1, e.g. \"0.5,0.3,0.2\".", valueName: "list"))
    var weights: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Initial covariances with --means: per component its D × D matrix row-major, components separated by ';', e.g. \"1,0,0,1;2,0.5,0.5,1\".", valueName: "matrices"))
    var covariances: String?

    @Option(name: .customLong("init"), parsing: .unconditional, help: ArgumentHelp("Initialisation when no --means are given: kmeans++ (default for --data), kmeans (Lloyd's k-means, scikit-learn's default), random (random responsibilities) or random-from-data.", valueName: "method"))
    var initMethod: InitMethod?

    func validate() throws {
        if let components, components < 1 { throw ValidationError("-k/--components must be at least 1, got \(components)") }
        if means != nil, initMethod != nil { throw ValidationError("give either --means or --init, not both") }
        if means == nil, weights != nil { throw ValidationError("--weights needs --means; the data-driven starts estimate the weights") }
        if means == nil, covariances != nil { throw ValidationError("--covariances needs --means; the data-driven starts estimate the covariances") }
        if let means {
            let parsed = try Self.parsePoints(means, option: "--means")
            if let components, components != parsed.count {
                throw ValidationError("-k \(components) does not match the \(parsed.count) points of --means; drop -k or give \(components) means")
            }
            _ = try initialParameters(means: parsed)
        }
    }

    /// K and the initialisation, given the data (`isDemo` selects the notebook's start).
    func resolve(isDemo: Bool) throws -> (components: Int, initialization: Initialization) {
        if let means {
            let points = try Self.parsePoints(means, option: "--means")
            if weights == nil, covariances == nil { return (points.count, .means(points)) }
            return (points.count, .parameters(try initialParameters(means: points)))
        }
        let k = components ?? 3
        if let initMethod { return (k, initMethod.initialization) }
        return isDemo && k == Demo.initialMeans.count ? (k, .means(Demo.initialMeans)) : (k, .kMeansPlusPlus)
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
