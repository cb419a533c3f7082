import ArgumentParser
import Foundation
import GMM

/// The list-valued options: weights, covariance matrices, K ranges and covariance-type lists.
extension ModelOptions {
    /// The explicit initial model: `points` with `--weights` (default equal) and
    /// `--covariances` (default identity), checked as a whole.
    func initialParameters(means points: [[Double]]) throws -> MixtureParameters {
        let k = points.count, d = points.first?.count ?? 0
        let w = try weights.map { try Self.parseWeights($0, components: k) } ?? Array(repeating: 1.0 / Double(k), count: k)
        let covs = try covariances.map { try Self.parseCovariances($0, components: k, dimension: d) }
            ?? MixtureParameters(means: points).covariances
        let p = MixtureParameters(weights: w, means: points, covariances: covs)
        try ErrorMessages.validating { try p.validate(components: k, dimension: d) }
        return p
    }

    /// Parses "w1,w2,…": K positive numbers summing to 1 (within 1e-6).
    static func parseWeights(_ text: String, components k: Int) throws -> [Double] {
        let cells = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var weights = [Double]()
        for cell in cells {
            guard let v = Double(cell), v.isFinite else {
                throw ValidationError("--weights: \"\(cell)\" is not a finite number; write weights as \"0.5,0.3,0.2\"")
            }
            guard v > 0 else { throw ValidationError("--weights: \(cell) is not positive; every weight must be greater than 0") }
            weights.append(v)
        }
        guard weights.count == k else {
            throw ValidationError("--weights has \(weights.count) value\(weights.count == 1 ? "" : "s") for \(k) components (one per point of --means); give \(k)")
        }
        let sum = weights.reduce(0, +)
        guard abs(sum - 1) <= 1e-6 else {
            throw ValidationError("--weights sum to \(sum), not 1; divide each by \(sum) or fix one of them")
        }
        return weights
    }

    /// Parses K matrices, each D × D row-major numbers, separated by ';'; each must be
    /// symmetric positive definite.
    static func parseCovariances(_ text: String, components k: Int, dimension d: Int) throws -> [[[Double]]] {
        let groups = text.split(separator: ";", omittingEmptySubsequences: false)
        guard groups.count == k else {
            throw ValidationError("--covariances has \(groups.count) matri\(groups.count == 1 ? "x" : "ces") for \(k) components; give one D × D matrix per component, separated by ';'")
        }
        var out = [[[Double]]]()
        for (c, group) in groups.enumerated() {
            var values = [Double]()
            for cell in group.split(separator: ",", omittingEmptySubsequences: false) {
                let t = cell.trimmingCharacters(in: .whitespaces)
                guard let v = Double(t), v.isFinite else {
                    throw ValidationError("--covariances: \"\(t)\" in matrix \(c + 1) is not a finite number")
                }
                values.append(v)
            }
            guard values.count == d * d else {
                throw ValidationError("--covariances: matrix \(c + 1) has \(values.count) numbers but \(d)-dimensional means need \(d) × \(d) = \(d * d), row-major")
            }
            let m = (0 ..< d).map { i in Array(values[(i * d) ..< ((i + 1) * d)]) }
            let single = MixtureParameters(weights: [1], means: [[Double](repeating: 0, count: d)], covariances: [m])
            do {
                try single.validate(components: 1, dimension: d)
            } catch let FitError.invalidInitialModel(.covariance(_, problem)) {
                throw ValidationError("--covariances: matrix \(c + 1) \(problem); give a symmetric positive definite matrix such as the identity")
            }
            out.append(m)
        }
        return out
    }

    /// Parses a K range "FIRST...LAST" (or one number) for `select`.
    static func parseRange(_ text: String, option: String) throws -> ClosedRange<Int> {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.components(separatedBy: "...")
        let bounds = parts.map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (parts.count == 1 || parts.count == 2), let lo = bounds.first ?? nil, let hi = bounds.last ?? nil else {
            throw ValidationError("\(option) \"\(t)\" is not a range of K; write it as FIRST...LAST, e.g. 1...8")
        }
        guard lo >= 1 else { throw ValidationError("\(option) \(t) starts at \(lo); K must be at least 1, e.g. 1...8") }
        guard lo <= hi else { throw ValidationError("\(option) \(t) is empty; write the smaller K first, e.g. \(hi)...\(lo)") }
        guard hi <= 100 else { throw ValidationError("\(option) \(t) goes up to K = \(hi); at most 100 components are tried") }
        return lo ... hi
    }

    /// Parses "all" or a comma-separated list of covariance types, duplicates dropped.
    static func parseTypes(_ text: String, option: String) throws -> [CovarianceType] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !names.isEmpty else { throw ValidationError("\(option) is empty; give full, tied, diag, spherical or all") }
        if names == ["all"] { return CovarianceType.allCases }
        var types = [CovarianceType]()
        for name in names {
            guard let type = CovarianceType(name: name) else {
                throw ValidationError("\(option): unknown covariance type \"\(name)\"; choose from full, tied, diag, spherical, or all")
            }
            if !types.contains(type) { types.append(type) }
        }
        return types
    }
}
