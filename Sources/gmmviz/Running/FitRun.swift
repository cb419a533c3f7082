import GMM

/// Loads the data and fits it: the part `fit` shares with the commands that draw.
struct FitRun {
    let data: Dataset
    /// The fit's history: every step of the kept run, or with ``collapse`` the steps before it.
    let history: FitHistory
    /// The covariance collapse that ended the fit early, when the caller asked to keep its
    /// history (`render` draws the steps up to it, then fails with its message).
    let collapse: CollapsedFit?

    init(data options: DataOptions, model: ModelOptions, tuning: FitTuning, keepingHistoryOnCollapse: Bool = false) throws {
        let data = try options.load()
        let (k, initialization) = model.resolve(isDemo: options.isDemo)
        self.data = data
        do {
            history = try GaussianMixture(components: k, covarianceType: model.covarianceType,
                                          options: tuning.options(seed: options.seed))
                .fit(data, initialization: initialization, keepingHistoryOnCollapse: keepingHistoryOnCollapse)
                .history
            collapse = nil
        } catch let collapsed as CollapsedFit {
            history = collapsed.history
            collapse = collapsed
        } catch {
            throw InputContext(error: error, data: options.sourceName)
        }
    }
}
