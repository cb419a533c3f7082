import GMM

/// Loads the data and fits it: the part `fit` shares with the commands that draw.
struct FitRun {
    let data: Dataset
    let result: FitResult

    init(data options: DataOptions, model: ModelOptions, tuning: FitTuning) throws {
        let data = try options.load()
        let (k, initialization) = try model.resolve(isDemo: options.isDemo)
        guard data.count >= k else {
            throw CommandFailure("\(options.sourceName) has \(data.count) sample\(data.count == 1 ? "" : "s") but the model has \(k) components; give at least \(k) samples or lower -k")
        }
        self.data = data
        self.result = try GaussianMixture(components: k, covarianceType: model.covarianceType,
                                          options: tuning.options(seed: options.seed))
            .fit(data, initialization: initialization)
    }
}
