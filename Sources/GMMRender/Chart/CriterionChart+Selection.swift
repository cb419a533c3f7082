import GMM

/// Which criterion a chart of a model selection plots.
public enum ChartCriterion: String, Sendable, CaseIterable {
    case bic
    case aic

    /// "BIC" or "AIC".
    public var name: String { rawValue.uppercased() }

    /// The candidate's value of this criterion, nil for a failed fit.
    func value(of candidate: ModelCandidate) -> Double? {
        switch self {
        case .bic: return candidate.bic
        case .aic: return candidate.aic
        }
    }
}

extension CriterionChart {
    /// The chart of a `ModelSelectionResult`: one line per covariance type (in the order
    /// fitted), coloured by the type's place in `CovarianceType/allCases` so that `full` is
    /// always the palette's first colour, `tied` its second, and so on. Fits that took no part
    /// in the choice (failed, or singular: `ModelSelectionResult.isRanked`) leave gaps.
    public init(selection: ModelSelectionResult, criterion: ChartCriterion = .bic, title: String? = nil) throws {
        var order = [CovarianceType]()
        for c in selection.candidates where !order.contains(c.covarianceType) { order.append(c.covarianceType) }
        let series = order.map { type in
            Series(label: type.rawValue, colorIndex: CovarianceType.allCases.firstIndex(of: type) ?? 0,
                   points: selection.candidates.filter { $0.covarianceType == type && selection.isRanked($0) }.compactMap { c in
                       criterion.value(of: c).map { Point(components: c.components, value: $0) }
                   })
        }.filter { !$0.points.isEmpty }
        try self.init(title: title ?? "Model selection: \(criterion.name) against K (lower is better)",
                      criterion: criterion.name, series: series)
    }
}
