extension ModelSelection {
    /// One start's fit as the selection ranks it: checked for singularity and, unless singular
    /// (or ``releasesRegularisation`` is off), carried on from its maximum without the
    /// regulariser to the maximum of the likelihood itself.
    ///
    /// BIC assumes the maximum-likelihood estimate, which mclust computes without a
    /// regulariser. `regCovar` moves a fit's maximum by little where every component's
    /// variances are far above it, but where a component's variance in some column is within a
    /// few orders of it (binary or coarsely rounded columns, a column measured in small units)
    /// the regularised maximum's BIC can sit a tenth of a point or more above mclust's for the
    /// same model. The continuation is EM from the fit's final parameters with `regCovar` 0, its
    /// snapshots appended to the fit's history, so the history still starts at the start. A
    /// fit whose continuation breaks down (a covariance stops being positive definite), or
    /// whose unregularised maximum has a component narrower than a ninth of the regulariser in
    /// some direction, is singular after all and is kept as fitted, flagged.
    ///
    /// - Returns: the fit to rank and its first singular component, if any.
    func finish(_ fit: FitResult, data: Dataset, singularity: RegularisedSingularity?) throws -> (fit: FitResult, singularComponent: Int?) {
        guard let singularity else { return (fit, nil) }
        if let c = try singularity.singularComponent(of: fit.model, data: data, threads: options.threads) { return (fit, c) }
        guard releasesRegularisation else { return (fit, nil) }
        var unregularised = options
        unregularised.regCovar = 0
        let gmm = GaussianMixture(components: fit.model.components, covarianceType: fit.model.covarianceType, options: unregularised)
        let released: FitResult
        do {
            released = try gmm.fit(data, initialization: .parameters(fit.model.parameters))
        } catch let FitError.illDefinedCovariance(component, _) {
            return (fit, component)
        }
        if let c = singularity.collapsedComponent(of: released.model) { return (fit, c) }
        var history = fit.history
        for snapshot in released.history.snapshots.dropFirst() {
            var s = snapshot
            s.iteration = history.snapshots.count
            history.snapshots.append(s)
        }
        history.converged = released.history.converged
        return (FitResult(history: history, model: released.model, runLogLikelihoods: fit.runLogLikelihoods, keptRun: fit.keptRun), nil)
    }
}
