import Foundation
import GMM

/// The final model of a fit, as text for people or JSON for programs.
enum FitReport {
    /// `{"converged", "iterations", "log_likelihood", "weights", "means", "covariances"}`.
    static func json(_ history: FitHistory) -> String {
        let last = history.final
        let p = last.parameters
        return JSONText.object([
            ("covariance_type", JSONText.string("\(history.covarianceType)")), ("converged", "\(history.converged)"),
            ("iterations", "\(history.iterations)"), ("log_likelihood", JSONText.number(last.logLikelihood)),
            ("components", "\(history.components)"), ("dimensions", "\(history.dimensions)"), ("samples", "\(history.samples)"),
            ("weights", JSONText.array(p.weights)), ("means", JSONText.matrix(p.means)),
            ("covariances", "[" + p.covariances.map(JSONText.matrix).joined(separator: ", ") + "]"),
        ]) + "\n"
    }

    /// A short table: convergence, then one line per component.
    static func table(_ history: FitHistory, source: String) -> String {
        let last = history.final
        let status = history.converged ? "converged after" : "stopped (not converged) after"
        var out = "\(source): \(history.samples) samples in \(history.dimensions) dimension\(history.dimensions == 1 ? "" : "s"), \(history.components) components, \(history.covarianceType) covariances\n"
        out += "\(status) \(history.iterations) iteration\(history.iterations == 1 ? "" : "s"); mean log-likelihood \(format(last.logLikelihood, 6))\n"
        out += "component  weight   mean\n"
        for (k, w) in last.parameters.weights.enumerated() {
            let mean = last.parameters.means[k].map { format($0, 4) }.joined(separator: ", ")
            out += "\(k + 1)".padding(toLength: 11, withPad: " ", startingAt: 0)
                + format(w, 4).padding(toLength: 9, withPad: " ", startingAt: 0) + "(\(mean))\n"
        }
        return out
    }

    private static func format(_ v: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", v)
    }
}
