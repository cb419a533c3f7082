import Foundation
import GMM

extension SceneBuilder {
    /// The words a note uses for what the view draws of each component: ellipses on a plane,
    /// curves on the line view, and on a scatter-plot matrix both, in every panel.
    struct ViewWords {
        /// What the components are drawn as: "ellipses", "curves", or "components".
        let model: String
        /// Where they are drawn, after the model's name: nothing, or " in all panels".
        let everywhere: String
        /// Whether the view rings changed points and draws the model before the M-step dashed.
        let marksSteps: Bool

        init(_ view: FrameView) {
            switch view {
            case .plane, .pca: (model, everywhere) = ("ellipses", "")
            case .line: (model, everywhere) = ("curves", "")
            case .pairs: (model, everywhere) = ("components", " in all panels")
            }
            marksSteps = view.drawsStepMarks
        }
    }

    /// What a note says of a step that changed nothing the frame prints or draws.
    public static let noVisibleChange = "no visible change"

    var words: ViewWords { ViewWords(options.view) }

    /// The plain-language note of snapshot `index` drawn with its own responsibilities: what
    /// the iteration did and how much the means and the log-likelihood changed.
    public func iterationNote(at index: Int) -> String {
        guard index > 0, history.snapshots.indices.contains(index) else {
            return "Initial model: points\(words.everywhere) coloured by how much each component explains them"
        }
        return "E-step recoloured the points, M-step refitted the \(words.model)\(words.everywhere): "
            + changeText(from: index - 1, to: index)
    }

    /// The note of iteration `index`'s M-step frame: what was refitted and how much the means
    /// and the log-likelihood changed.
    public func mStepNote(at index: Int) -> String {
        guard index > 0, history.snapshots.indices.contains(index) else { return "" }
        let before = words.marksSteps ? " (dashed: before)" : ""
        return "M-step: \(words.model) refitted to the shares\(words.everywhere)\(before); " + changeText(from: index - 1, to: index)
    }

    /// The note of the initial model before any E-step.
    public func initialNote() -> String {
        "Initial model: \(words.model) placed\(words.everywhere), no point assigned to a component yet"
    }

    /// The note of an E-step, `changed` points having changed a share by more than
    /// ``Scene/changeThreshold`` since the E-step before (nil for the first E-step, which has
    /// none before it). A change below the threshold moves a point's colour by about one
    /// just-noticeable difference or less, so none above it is no visible change.
    public func eStepNote(changed: Int?) -> String {
        guard let changed else {
            return "E-step: points\(words.everywhere) coloured by their shares under the initial \(words.model)"
        }
        let head = "E-step: shares recomputed under the current \(words.model)\(words.everywhere); "
        guard changed > 0 else { return head + Self.noVisibleChange }
        let ringed = words.marksSteps ? " (ringed)" : ""
        return head + "\(changed) point\(changed == 1 ? "" : "s") changed by > \(Scene.changeThreshold)\(ringed)"
    }

    /// How the model changed from snapshot `a` to `b`, within what the frame can show: the
    /// largest move of a mean and the log-likelihood's gain, each left out when it rounds away,
    /// or "no visible change" when nothing printed or drawn changed.
    func changeText(from a: Int, to b: Int) -> String {
        let gain = history.snapshots[b].logLikelihood - history.snapshots[a].logLikelihood
        let p = drawnComponents(at: a), q = drawnComponents(at: b)
        guard precision.showsChange(from: p, to: q, gain: gain) else { return Self.noVisibleChange }
        let shift = zip(p, q).map { precision.meanShift(from: $0, to: $1) }.max() ?? 0
        var parts = [String]()
        if !(shift < DisplayPrecision.pixelStep) {
            parts.append("means moved up to " + Self.distanceText(Self.largestMove(p, q)))
        }
        if !(abs(gain) < DisplayPrecision.logLikelihoodStep) {
            // Between 0.0005 and 0.001 a gain shows in the header's third decimal; it is written
            // out to the fourth rather than in the inset's scientific notation.
            let g = abs(gain)
            parts.append("log-likelihood " + (gain < 0 ? "−" : "+") + (g < 0.001 ? Ticks.formatted(g, decimals: 4) : FrameDrawer.gainText(g)))
        }
        if parts.isEmpty {
            // Only a weight or an outline's shape changed visibly.
            let weights = zip(p, q).map { abs($1.weight - $0.weight) }.max() ?? 0
            parts.append(weights < DisplayPrecision.weightStep ? "\(words.model) reshaped slightly"
                : "weights changed by up to " + Ticks.formatted(weights, decimals: 3))
        }
        return parts.joined(separator: ", ")
    }

    /// A distance to two decimals, or to the first significant digit when smaller, so a move
    /// that shows is never printed as 0.00.
    static func distanceText(_ d: Double) -> String {
        guard d.isFinite, d > 0 else { return Ticks.formatted(d, decimals: 2) }
        let decimals = min(6, max(2, Int((-log10(d)).rounded(.up))))
        return Ticks.formatted(d, decimals: decimals)
    }

    /// The largest distance, in data units of the drawn coordinates, that a mean moved.
    static func largestMove(_ p: [DisplayPrecision.Component], _ q: [DisplayPrecision.Component]) -> Double {
        zip(p, q).map { a, b in
            zip(a.mean, b.mean).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }.squareRoot()
        }.max() ?? 0
    }

    /// The K components of snapshot `index` in the coordinates the view draws: the two
    /// projected axes of a plane, the line view's column, the pairs view's columns.
    func drawnComponents(at index: Int) -> [DisplayPrecision.Component] {
        let parameters = history.snapshots[index].parameters
        func restricted(_ columns: [Int]) -> [DisplayPrecision.Component] {
            (0 ..< parameters.components).map { k in
                DisplayPrecision.Component(weight: parameters.weights[k], mean: columns.map { parameters.means[k][$0] },
                                           covariance: columns.map { a in columns.map { parameters.covariances[k][a][$0] } })
            }
        }
        switch options.view {
        case .plane, .pca:
            return components(of: parameters).map { c in
                DisplayPrecision.Component(weight: c.weight, mean: [c.mean.x, c.mean.y],
                                           covariance: [[c.covariance.xx, c.covariance.xy], [c.covariance.xy, c.covariance.yy]])
            }
        case let .line(column): return restricted([column])
        case let .pairs(columns): return restricted(columns)
        }
    }
}
