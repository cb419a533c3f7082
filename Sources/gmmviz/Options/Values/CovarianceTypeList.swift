import ArgumentParser
import GMM

/// `select --covariance-type`: a comma-separated list of covariance types in the order given
/// (scikit-learn's or mclust's names), or `all` (mclust's fourteen models, in mclust's order),
/// or `sklearn` (scikit-learn's four types).
struct CovarianceTypeList: ParsedValue, Equatable {
    let types: [CovarianceType]

    init(_ types: [CovarianceType]) { self.types = types }

    init(parsing text: String) throws {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        switch names.map({ $0.lowercased() }) {
        case ["all"], ["mclust"]:
            types = CovarianceType.mclust
            return
        case ["sklearn"]:
            types = CovarianceType.scikitLearn
            return
        default:
            break
        }
        types = try names.map { name in
            guard let type = CovarianceType(name: name) else {
                throw ValidationError("unknown covariance type \"\(name)\"; choose from full, tied, diag, spherical, mclust's names (EII, VII, EEI, VEI, EVI, VVI, EEE, VEE, EVE, VVE, EEV, VEV, EVV, VVV), sklearn or all")
            }
            return type
        }
    }
}
