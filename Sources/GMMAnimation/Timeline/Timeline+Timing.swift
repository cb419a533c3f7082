extension Timeline {
    /// How long each EM iteration stays on screen.
    public enum Timing: String, Sendable, CaseIterable {
        /// Every iteration's frames last the same time: the delay (or, with tweens, the
        /// iteration hold).
        case constant
        /// Each iteration's frames last a time that grows with how much that step changed the
        /// model, so the big first steps get time to be seen and the converging tail runs fast.
        ///
        /// The change of the step from snapshot a to snapshot b is its log-likelihood gain
        /// gᵢ = |ℓ_b − ℓ_a| (the header's number and the inset's curve; EM moves ellipses and
        /// recolours points most when it gains most). Relative to the largest gain of the fit,
        ///
        ///     delayᵢ = base × (minimumFactor + (maximumFactor − minimumFactor) × √(gᵢ / g_max))
        ///
        /// rounded, so every step lasts between half and three times the base, the largest
        /// step exactly three times. The square root keeps mid-sized steps from collapsing to
        /// the minimum as soon as one step dominates. A fit whose gains are all 0, or whose
        /// log-likelihoods are unknown or not finite, falls back to ``constant``.
        case auto
    }

    /// The shortest step under ``Timing/auto``, as a multiple of the base delay.
    public static let minimumFactor = 0.5
    /// The longest step under ``Timing/auto``, as a multiple of the base delay.
    public static let maximumFactor = 3.0

    /// The delay of each step's real-iteration frames, in 1/100 s: `steps` are the pairs of
    /// consecutive visited snapshots.
    static func stepDelays(steps: [(Int, Int)], options: Options, logLikelihoods: [Double]?) -> [Int] {
        let base = options.stepDelay
        let constant = [Int](repeating: base, count: steps.count)
        guard options.timing == .auto, let ll = logLikelihoods,
              steps.allSatisfy({ ll.indices.contains($0.0) && ll.indices.contains($0.1) }) else { return constant }
        let gains = steps.map { abs(ll[$0.1] - ll[$0.0]) }
        guard let largest = gains.max(), largest > 0, largest.isFinite, gains.allSatisfy(\.isFinite) else { return constant }
        return gains.map { g in
            let factor = minimumFactor + (maximumFactor - minimumFactor) * (g / largest).squareRoot()
            // A GIF delay of 0 or 1 plays as 10 in browsers; 2 is the shortest honest one.
            return min(65535, max(2, Int((Double(base) * factor).rounded())))
        }
    }
}
