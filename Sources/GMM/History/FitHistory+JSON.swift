import Foundation

/// The history's JSON form, `gmmviz.history` version 1 (documented in `docs/history-schema.md`).
///
/// Numbers are written in Swift's shortest round-trip form, so reading a file back gives the
/// same bits; keys are written in a fixed order so the same fit gives the same bytes.
extension FitHistory {
    /// The `format` field's value.
    public static let formatName = "gmmviz.history"
    /// The schema version this build writes and reads.
    public static let formatVersion = 1

    /// The history as JSON text, one snapshot per line.
    public func jsonText() -> String {
        var out = "{\"format\": \"\(Self.formatName)\", \"version\": \(Self.formatVersion), "
        out += "\"components\": \(components), \"dimensions\": \(dimensions), \"samples\": \(samples), "
        out += "\"covariance_type\": \"\(covarianceType.rawValue)\", \"converged\": \(converged), \"iterations\": \(iterations),\n"
        out += " \"snapshots\": [\n"
        out += snapshots.map { "  " + $0.jsonText() }.joined(separator: ",\n")
        out += "\n ]}\n"
        return out
    }

    /// Reads a history written by ``jsonText()`` (or by any program following the schema),
    /// checking that its shapes agree and every covariance is positive definite.
    ///
    /// - Throws: ``DataError/notAHistory(source:reason:)``,
    ///   ``DataError/duplicateKey(source:key:object:line:column:firstLine:firstColumn:)`` (a key
    ///   given twice in one object, at any depth) or
    ///   ``DataError/malformed(source:line:column:problem:)`` naming `source`.
    public init(json: Data, source: String) throws {
        func fail(_ problem: String) -> DataError { .malformed(source: source, line: nil, column: nil, problem: problem) }
        guard !json.isEmpty else { throw DataError.notAHistory(source: source, reason: "is empty") }
        // A key given twice has two values, of which the decoder would keep one silently. Text
        // that is not JSON at all is reported as such instead, below.
        if let twice = json.withUnsafeBytes({ JSONKeyScan.firstDuplicate(in: $0.bindMemory(to: UInt8.self)) }), Self.syntaxProblem(json) == nil {
            throw DataError.duplicateKey(source: source, key: twice.key, object: twice.object, line: twice.line, column: twice.column,
                                         firstLine: twice.firstLine, firstColumn: twice.firstColumn)
        }
        let raw: HistoryFile
        do {
            raw = try JSONDecoder().decode(HistoryFile.self, from: json)
        } catch let DecodingError.dataCorrupted(context) {
            let detail = Self.syntaxProblem(json) ?? context.debugDescription
            throw DataError.notAHistory(source: source, reason: "is not valid JSON (\(detail))")
        } catch let DecodingError.keyNotFound(key, _) {
            throw fail("lacks the field \"\(key.stringValue)\"; see docs/history-schema.md")
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            guard !path.isEmpty else {
                throw DataError.notAHistory(source: source, reason: "is not a JSON object with the gmmviz.history fields")
            }
            throw fail("field \(path) has the wrong type; see docs/history-schema.md")
        } catch {
            throw fail("cannot be read as a gmmviz history; see docs/history-schema.md")
        }
        guard raw.format == Self.formatName else { throw fail("has format \"\(raw.format)\", expected \"\(Self.formatName)\"") }
        guard raw.version == Self.formatVersion else {
            throw fail("has version \(raw.version); this gmmviz reads version \(Self.formatVersion)")
        }
        // covariance_type is optional; absent means "full"; scikit-learn's and mclust's names
        // are accepted (docs/history-schema.md).
        let covarianceType = try raw.covariance_type.map { name in
            guard let type = CovarianceType(name: name) else {
                throw fail("has covariance_type \"\(name)\"; expected one of \(CovarianceType.allCases.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            return type
        } ?? .full
        guard raw.components >= 1, raw.dimensions >= 1, raw.samples >= 1 else {
            throw fail("components, dimensions and samples must be at least 1")
        }
        guard !raw.snapshots.isEmpty else { throw fail("has no snapshots; it needs at least the initial one") }
        if let n = raw.iterations, n != raw.snapshots.count - 1 {
            throw fail("says iterations = \(n) but holds \(raw.snapshots.count) snapshots (expected iterations + 1)")
        }
        var snapshots = [Snapshot]()
        for (i, s) in raw.snapshots.enumerated() {
            let k = raw.components
            guard s.weights.count == k, s.means.count == k, s.covariances.count == k else {
                throw fail("snapshot \(i) has \(s.weights.count) weights, \(s.means.count) means and \(s.covariances.count) covariances but the file says components = \(k); the header and the arrays must agree")
            }
            let p = MixtureParameters(weights: s.weights, means: s.means, covariances: s.covariances)
            do {
                try p.validate(components: raw.components, dimension: raw.dimensions)
            } catch let FitError.invalidInitialModel(problem) {
                throw fail("snapshot \(i): \(Self.fileProblem(problem))")
            }
            if let problem = covarianceType.structureProblem(p.covariances) {
                throw fail("snapshot \(i): \(problem)")
            }
            guard s.log_likelihood.map({ $0.isFinite }) ?? true else { throw fail("snapshot \(i): log_likelihood is not finite") }
            snapshots.append(Snapshot(iteration: s.iteration ?? i, parameters: p, logLikelihood: s.log_likelihood ?? .nan))
        }
        self.init(components: raw.components, dimensions: raw.dimensions, samples: raw.samples,
                  covarianceType: covarianceType, converged: raw.converged ?? false,
                  snapshots: snapshots)
    }
}

extension FitHistory {
    /// A snapshot's problem in the file's terms: its dimension is the header's, not a data set's.
    static func fileProblem(_ problem: ModelProblem) -> String {
        guard case let .meanDimension(mean, coordinates, d) = problem else { return problem.description }
        return "mean \(mean + 1) has \(coordinates) coordinates but the file says dimensions = \(d)"
    }

    /// What JSONSerialization says is wrong with `json` (with a character position where it
    /// has one), since JSONDecoder only says that it is not valid.
    static func syntaxProblem(_ json: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
            return nil
        } catch {
            guard var text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String, !text.isEmpty else { return nil }
            if text.hasSuffix(".") { text.removeLast() }
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}

extension Snapshot {
    /// One snapshot as a JSON object on one line.
    func jsonText() -> String {
        let p = parameters
        return JSONText.object([
            ("iteration", "\(iteration)"), ("weights", JSONText.array(p.weights)), ("means", JSONText.matrix(p.means)),
            ("covariances", "[" + p.covariances.map(JSONText.matrix).joined(separator: ", ") + "]"),
            ("log_likelihood", JSONText.number(logLikelihood)),
        ])
    }
}

/// The file's shape, as decoded. Optional fields have documented defaults.
private struct HistoryFile: Decodable {
    struct RawSnapshot: Decodable {
        var iteration: Int?
        var weights: [Double]
        var means: [[Double]]
        var covariances: [[[Double]]]
        var log_likelihood: Double?
    }
    var format: String
    var version: Int
    var components: Int
    var dimensions: Int
    var samples: Int
    var covariance_type: String?
    var converged: Bool?
    var iterations: Int?
    var snapshots: [RawSnapshot]
}
