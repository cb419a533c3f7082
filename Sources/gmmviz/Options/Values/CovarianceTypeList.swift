import ArgumentParser
import GMM

/// `select --covariance-type`: "all" or a comma-separated list of covariance types, in the
/// order given.
struct CovarianceTypeList: ParsedValue, Equatable {
    let types: [CovarianceType]

    init(_ types: [CovarianceType]) { self.types = types }

    init(parsing text: String) throws {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if names == ["all"] {
            types = CovarianceType.allCases
            return
        }
        types = try names.map { name in
            guard let type = CovarianceType(name: name) else {
                throw ValidationError("unknown covariance type \"\(name)\"; choose from full, tied, diag, spherical, or all")
            }
            return type
        }
    }
}
