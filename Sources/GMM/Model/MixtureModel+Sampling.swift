/// Drawing new samples from the mixture.
extension MixtureModel {
    /// `count` samples drawn from the mixture with ``SeededGenerator`` seeded by `seed`, and the
    /// component each came from.
    ///
    /// As scikit-learn's `sample(n)`: the number of samples of every component is drawn first
    /// (a multinomial draw: `count` categorical draws with probabilities πₖ), then the samples
    /// are drawn component after component — all of component 0, then all of component 1, … —
    /// as x = μₖ + Lₖ z with Σₖ = Lₖ Lₖᵀ and z standard normal. So `labels` is sorted.
    /// Reproducible for a seed; not numpy's stream.
    ///
    /// - Returns: `data`: `count` × D samples; `labels`: `count` component indices (0-based).
    /// - Throws: ``DataError`` when `count` < 1.
    public func sample(count: Int, seed: UInt64 = 0) throws -> (data: Dataset, labels: [Int]) {
        guard count >= 1 else { throw DataError.invalid("the sample count must be at least 1, got \(count)") }
        var rng = SeededGenerator(seed: seed)
        let k = components, d = dimension
        var perComponent = [Int](repeating: 0, count: k)
        for _ in 0 ..< count {
            let u = rng.nextUniform()
            var acc = 0.0
            var chosen = k - 1
            for c in 0 ..< k {
                acc += parameters.weights[c]
                if u < acc { chosen = c; break }
            }
            perComponent[chosen] += 1
        }
        var values = [Double]()
        values.reserveCapacity(count * d)
        var labels = [Int]()
        labels.reserveCapacity(count)
        var z = [Double](repeating: 0, count: d)
        for c in 0 ..< k {
            // The covariances were checked positive definite when the model was made.
            guard let l = Cholesky.lower(parameters.covariances[c].flattenedRowMajor, dimension: d) else {
                throw FitError.illDefinedCovariance(component: c, iteration: 0)
            }
            for _ in 0 ..< perComponent[c] {
                for j in 0 ..< d { z[j] = rng.nextNormal() }
                for j in 0 ..< d {
                    var v = parameters.means[c][j]
                    for t in 0 ... j { v += l[j * d + t] * z[t] }
                    values.append(v)
                }
                labels.append(c)
            }
        }
        return (try Dataset(values: values, dimension: d), labels)
    }
}
