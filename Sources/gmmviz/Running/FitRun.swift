import GMM

/// Loads the data and fits it: the part `fit` shares with the commands that draw.
struct FitRun {
    let data: Dataset
    let result: FitResult

    init(data options: DataOptions, model: ModelOptions, tuning: FitTuning) throws {
        let data = try options.load()
        let (k, initialization) = model.resolve(isDemo: options.isDemo)
        self.data = data
        do {
            self.result = try GaussianMixture(components: k, covarianceType: model.covarianceType,
                                              options: tuning.options(seed: options.seed))
                .fit(data, initialization: initialization)
        } catch {
            throw InputContext(error: error, data: options.sourceName)
        }
    }
}
