import GMM

/// The demo fit (the notebook's experiment), computed once for every test of this target.
let demo: (data: Dataset, history: FitHistory) = {
    do {
        let data = try Demo.data(seed: 0)
        return (data, try GaussianMixture(components: 3).fit(data, initialization: .means(Demo.initialMeans)).history)
    } catch {
        fatalError("the demo fit failed: \(error)")
    }
}()
