import ArgumentParser
import Foundation
import GMM

/// The initialisations the command line offers.
enum InitMethod: String, ExpressibleByArgument, CaseIterable {
    case kmeans
    case kmeansPlusPlus = "kmeans++"
    case random
    case randomFromData = "random-from-data"
    case bunched
    case hierarchical
    case kmeansScaled = "kmeans-scaled"

    /// The library's start of this name.
    var initialization: Initialization {
        switch self {
        case .kmeans: return .kMeans
        case .kmeansPlusPlus: return .kMeansPlusPlus
        case .random: return .random
        case .randomFromData: return .randomFromData
        case .bunched: return .bunched
        case .hierarchical: return .hierarchical
        case .kmeansScaled: return .kMeansScaled
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
    @Option(name: [.customShort("k"), .customLong("components")], parsing: .unconditional, help: "Number of mixture components K (default 3, or the number of --means).", transform: Numbers.whole)
    var components: Int?

    @Option(name: .customLong("covariance-type"), parsing: .unconditional, help: ArgumentHelp("Covariance structure: full (default), tied (one matrix shared by all components), diag (per-axis variances), spherical (one variance per component), or one of mclust's models EII, EEI, VEI, EVI, VEE, EVE, VVE, EEV, VEV, EVV (VVV, EEE, VVI and VII name the first four).", valueName: "type"))
    var covarianceType: CovarianceType = .full

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Initial means, one point per component separated by ';', e.g. \"-5,-5;0,-5;0,5\". Covariances start as identity, weights equal, unless --covariances and --weights are given.", valueName: "points"), transform: PointList.init(parsing:))
    var means: PointList?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Initial weights with --means, one per component, positive and summing to 1, e.g. \"0.5,0.3,0.2\".", valueName: "list"), transform: NumberList.init(parsing:))
    var weights: NumberList?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Initial covariances with --means: per component its D × D matrix row-major, components separated by ';', e.g. \"1,0,0,1;2,0.5,0.5,1\".", valueName: "matrices"), transform: MatrixList.init(parsing:))
    var covariances: MatrixList?

    @Option(name: .customLong("init"), parsing: .unconditional, help: ArgumentHelp("Initialisation when no --means are given: kmeans++ (default for --data), kmeans (Lloyd's k-means, scikit-learn's default), random (random responsibilities), random-from-data, hierarchical (mclust's start: model-based hierarchical clustering of the data scaled by its principal axes, cut into K clusters; a seeded subsample of 2000 for larger data), kmeans-scaled (k-means on columns scaled to standard deviation 1, the parameters then estimated on the original columns), or bunched: a deliberately poor start for teaching, the means bunched in a corner of the data with ellipses as broad as the data, so EM takes many visible iterations (as in the classic Old Faithful animation).", valueName: "method"))
    var initMethod: InitMethod?

    func validate() throws {
        if means != nil, initMethod != nil { throw ValidationError("give either --means or --init, not both") }
        if means == nil, weights != nil { throw ValidationError("--weights needs --means; the data-driven starts estimate the weights") }
        if means == nil, covariances != nil { throw ValidationError("--covariances needs --means; the data-driven starts estimate the covariances") }
        if let means, let components, components != means.points.count {
            throw ValidationError("-k \(components) does not match the \(means.points.count) points of --means; drop -k or give \(components) means")
        }
        // The library's checks of K and of an explicit model, before any data is read.
        try ErrorMessages.validating {
            try GaussianMixture(components: components ?? means?.points.count ?? 3).validate()
            if let points = means?.points {
                try (initialParameters ?? MixtureParameters(means: points)).validate(components: points.count, dimension: points.first?.count ?? 0)
            }
        }
    }

    /// K and the initialisation, given the data (`isDemo` selects the notebook's start).
    func resolve(isDemo: Bool) -> (components: Int, initialization: Initialization) {
        if let means {
            return (means.points.count, initialParameters.map { .parameters($0) } ?? .means(means.points))
        }
        let k = components ?? 3
        if let initMethod { return (k, initMethod.initialization) }
        return isDemo && k == Demo.initialMeans.count ? (k, .means(Demo.initialMeans)) : (k, .kMeansPlusPlus)
    }
}
