import Foundation
import GMM

/// The outcome of `gmmviz select`, as a table for people or JSON for programs.
enum SelectReport {
    /// One line per fit: type, K, parameters, mean log-likelihood, BIC, AIC, iterations; the
    /// lowest BIC marked with `*`, then the choice in words.
    static func table(_ result: ModelSelectionResult, data: Dataset, source: String, start: String, runs: Int) -> String {
        var out = "\(source): \(data.count) samples in \(data.dimension) dimension\(data.dimension == 1 ? "" : "s"); "
        out += "\(start) start, \(runs) run\(runs == 1 ? "" : "s") per fit\n"
        out += pad("type", 10, left: true) + pad("K", 4) + pad("params", 8) + pad("mean log-lik", 15) + pad("BIC", 14)
            + pad("AIC", 14) + pad("iter", 6) + "\n"
        for (i, c) in result.candidates.enumerated() {
            var line = pad(c.covarianceType.rawValue, 10, left: true) + pad("\(c.components)", 4) + pad("\(c.numberOfParameters)", 8)
            if let ll = c.logLikelihood, let bic = c.bic, let aic = c.aic, let r = c.result {
                line += pad(format(ll, 6), 15) + pad(format(bic, 2), 14) + pad(format(aic, 2), 14)
                    + pad("\(r.history.iterations)\(r.history.converged ? "" : "!")", 6)
            } else {
                line += "   not fitted"
            }
            if c.isSingular { line += "  ~" }
            if i == result.bestIndex { line += "  * lowest BIC" }
            out += line + "\n"
        }
        let best = result.best
        out += "chosen: K = \(best.components), \(best.covarianceType) covariances, BIC \(best.bic.map { format($0, 2) } ?? "-") (lowest)\n"
        if result.candidates.contains(where: { $0.result.map { !$0.history.converged } ?? false }) {
            out += "(! = stopped at --max-iter before converging)\n"
        }
        if result.candidates.contains(where: \.isSingular) {
            out += "(~ = singular: a component closed onto too few points and only --reg-covar keeps its covariance "
            out += result.ranksSingularFits ? "positive definite; every fit is, so the choice is among them)\n"
                : "positive definite, so its BIC measures --reg-covar, not the data: not chosen)\n"
        }
        return out
    }

    /// `{"samples", "dimensions", "criterion", "best": {"covariance_type", "components"},
    /// "fits": [{"covariance_type", "components", "parameters", "log_likelihood", "bic", "aic",
    /// "iterations", "converged", "singular"} or {…, "error"}]}`; "best" is the lowest BIC of
    /// the fits that are not singular (of all, when every fit is).
    static func json(_ result: ModelSelectionResult, data: Dataset) -> String {
        let fits = result.candidates.map { c -> String in
            var fields = ["\"covariance_type\": \"\(c.covarianceType)\"", "\"components\": \(c.components)",
                          "\"parameters\": \(c.numberOfParameters)"]
            switch c.outcome {
            case let .success(r):
                fields += ["\"log_likelihood\": \(JSONText.number(c.logLikelihood))", "\"bic\": \(JSONText.number(c.bic))", "\"aic\": \(JSONText.number(c.aic))",
                           "\"iterations\": \(r.history.iterations)", "\"converged\": \(r.history.converged)",
                           "\"singular\": \(c.isSingular)"]
            case let .failure(error):
                fields.append("\"error\": \(JSONText.string(ErrorMessages.wording(of: error)))")
            }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        let best = result.best
        return """
        {"samples": \(data.count), "dimensions": \(data.dimension), "criterion": "bic", \
        "best": {"covariance_type": "\(best.covarianceType)", "components": \(best.components), "bic": \(JSONText.number(best.bic))},
         "fits": [
        \(fits.joined(separator: ",\n"))
         ]}

        """
    }

    private static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? s + fill : fill + s
    }

    private static func format(_ v: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", v)
    }
}
