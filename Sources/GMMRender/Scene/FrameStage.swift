/// The moment of a fit that a frame shows, and the one way every output names it.
///
/// The frame's header, the PDF deck's page labels and the HTML player's readout all print
/// ``label(iterations:)``, so a frame reads the same wherever it is seen:
///
/// - `iteration 0 of 18 · initial model`
/// - `iteration 3 of 18` (the model after iteration 3's M-step, points coloured by it)
/// - `iteration 3 of 18 · E-step` (iteration 3's E-step: snapshot 2's ellipses, new colours)
/// - `iteration 3 of 18 · M-step` (iteration 3's M-step: snapshot 3's ellipses)
/// - `iteration 3 → 4 of 18` (a frame interpolated between two snapshots)
///
/// An E-step is numbered by the iteration it starts, not by the snapshot whose ellipses it
/// draws: iteration 3's E-step recolours the points under the model that iteration 2 left.
public enum FrameStage: Sendable, Hashable {
    /// The initial model before any E-step: no point assigned to a component yet.
    case initial
    /// Snapshot `i` as it is, points coloured by its own responsibilities (snapshot 0 is the
    /// initial model).
    case snapshot(Int)
    /// Iteration `i`'s E-step (i ≥ 1).
    case eStep(Int)
    /// Iteration `i`'s M-step (i ≥ 1).
    case mStep(Int)
    /// Between snapshots `from` and `to` at eased fraction `fraction` ∈ (0, 1).
    case tween(from: Int, to: Int, fraction: Double)

    /// One run of a label's text: a number or a step's name (`value`, drawn in the strong
    /// colour) or a word between them (drawn muted).
    public struct Piece: Sendable, Hashable {
        public var text: String
        public var isValue: Bool

        public init(_ text: String, isValue: Bool) {
            self.text = text
            self.isValue = isValue
        }
    }

    /// The separator between the iteration and the step's name.
    public static let separator = " · "

    /// The label in a fit of `n` iterations, e.g. "iteration 3 of 18 · E-step".
    public func label(iterations n: Int) -> String {
        pieces(iterations: n).map(\.text).joined()
    }

    /// ``label(iterations:)`` in runs, for drawing numbers and names stronger than the words
    /// between them; the runs joined are the label.
    public func pieces(iterations n: Int) -> [Piece] {
        let word = { (text: String) in Piece(text, isValue: false) }
        let value = { (text: String) in Piece(text, isValue: true) }
        var out = [word("iteration ")]
        switch self {
        case let .tween(a, b, _): out.append(value("\(a) → \(b)"))
        default: out.append(value("\(iteration)"))
        }
        out += [word(" of "), value("\(n)")]
        if let name = stepName {
            out += [word(Self.separator), value(name)]
        }
        return out
    }

    /// The iteration the frame belongs to: the snapshot shown, the iteration whose E- or M-step
    /// it is, or the snapshot a tween starts from.
    public var iteration: Int {
        switch self {
        case .initial: return 0
        case let .snapshot(i), let .eStep(i), let .mStep(i): return i
        case let .tween(a, _, _): return a
        }
    }

    /// The name after the iteration, if the frame shows one step or the initial model.
    private var stepName: String? {
        switch self {
        case .initial, .snapshot(0): return "initial model"
        case .eStep: return "E-step"
        case .mStep: return "M-step"
        case .snapshot, .tween: return nil
        }
    }
}
