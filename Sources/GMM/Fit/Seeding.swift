import Foundation

/// Seeds for the data-driven initialisations, and the parameters estimated from them.
enum Seeding {
    /// k-means++ with scikit-learn's greedy refinement: the first seed uniformly, each next one
    /// the best of 2 + ⌊ln K⌋ candidates drawn with probability ∝ D(x)².
    ///
    /// Three buffers of N distances serve the whole seeding (the current D(x)², a candidate's,
    /// the best candidate's so far), swapped rather than copied; every sum runs in sample order.
    static func kMeansPlusPlus(data: Dataset, components k: Int, rng: inout SeededGenerator) throws -> [Int] {
        let n = data.count, d = data.dimension
        guard n >= k else { throw FitError.tooFewSamples(samples: n, components: k) }
        let trials = 2 + Int(Foundation.log(Double(k)))
        var seeds = [rng.nextIndex(below: n)]
        var closest = [Double](repeating: 0, count: n)
        var trial = [Double](repeating: 0, count: n)
        var best = [Double](repeating: 0, count: n)
        try data.values.withUnsafeBufferPointer { xs in
            guard let x = xs.baseAddress else { return }
            var potential = 0.0
            closest.withUnsafeMutableBufferPointer { c in
                for i in 0 ..< n { c[i] = NearestCentre.distanceSquared(x + i * d, x + seeds[0] * d, dimension: d) }
                for i in 0 ..< n { potential += c[i] }
            }
            while seeds.count < k {
                guard potential > 0 else {
                    throw FitError.tooFewDistinctPoints(distinct: seeds.count, components: k)
                }
                var chosen: (index: Int, potential: Double)?
                for _ in 0 ..< trials {
                    // Inverse-CDF sampling over the running sum of D(x)².
                    let target = rng.nextUniform() * potential
                    let improved: Bool = closest.withUnsafeBufferPointer { c in
                        var acc = 0.0
                        var candidate = n - 1
                        for i in 0 ..< n {
                            acc += c[i]
                            if acc > target, c[i] > 0 { candidate = i; break }
                        }
                        if c[candidate] == 0 { return false }
                        return trial.withUnsafeMutableBufferPointer { t in
                            var total = 0.0
                            let xc = x + candidate * d
                            for i in 0 ..< n {
                                t[i] = min(c[i], NearestCentre.distanceSquared(x + i * d, xc, dimension: d))
                                total += t[i]
                            }
                            guard chosen == nil || total < (chosen?.potential ?? .infinity) else { return false }
                            chosen = (candidate, total)
                            return true
                        }
                    }
                    // The best candidate so far keeps its distances.
                    if improved { swap(&trial, &best) }
                }
                guard let pick = chosen else {
                    throw FitError.tooFewDistinctPoints(distinct: seeds.count, components: k)
                }
                seeds.append(pick.index)
                swap(&closest, &best)
                potential = pick.potential
            }
        }
        return seeds
    }

    /// K samples with pairwise distinct values, drawn uniformly without replacement.
    static func randomDistinct(data: Dataset, components k: Int, rng: inout SeededGenerator) throws -> [Int] {
        let n = data.count
        guard n >= k else { throw FitError.tooFewSamples(samples: n, components: k) }
        var order = Array(0 ..< n)
        var seeds = [Int]()
        var seen = Set<[Double]>()
        var next = 0
        while seeds.count < k && next < n {
            let j = next + rng.nextIndex(below: n - next)
            order.swapAt(next, j)
            let candidate = order[next]
            if seen.insert(Array(data[sample: candidate])).inserted { seeds.append(candidate) }
            next += 1
        }
        guard seeds.count == k else { throw FitError.tooFewDistinctPoints(distinct: seen.count, components: k) }
        return seeds
    }

    /// Every sample's nearest seed (ties to the earlier seed), N labels in 0..<K.
    static func nearestSeedLabels(_ seeds: [Int], data: Dataset, threads: Int? = nil) -> [Int32] {
        let centres = seeds.flatMap { Array(data[sample: $0]) }
        return KMeans.nearestLabels(data: data, centres: centres, components: seeds.count,
                                    work: ChunkedWork(samples: data.count, threads: threads))
    }

    /// The parameters estimated from hard responsibilities (rᵢₖ = 1 for k = `labels[i]`) with
    /// the M-step's formulas for `covarianceType`, weights Nₖ / N — scikit-learn's
    /// `_initialize` after k-means.
    ///
    /// The responsibilities are never written out: with rᵢₖ ∈ {0, 1} every sum of the M-step is
    /// the sum over the samples labelled k, in sample order, which is what the weighted sums give
    /// bit for bit (a term 0·v adds nothing), without an N × K matrix (4 GB at N = 10⁸, K = 5).
    static func parametersFromLabels<Label: BinaryInteger>(_ labels: [Label], components k: Int, data: Dataset,
                                                           covarianceType: CovarianceType, regCovar: Double) -> MixtureParameters {
        let d = data.dimension
        var nk = [Double](repeating: 0, count: k)
        var sx = [Double](repeating: 0, count: k * d)
        data.values.withUnsafeBufferPointer { xs in
            sx.withUnsafeMutableBufferPointer { s in
                for (i, label) in labels.enumerated() {
                    let best = Int(label)
                    nk[best] += 1
                    for j in 0 ..< d { s[best * d + j] += xs[i * d + j] }
                }
            }
        }
        let floor = 10 * Double.ulpOfOne
        let counts = nk.map { $0 + floor }
        var means = [Double](repeating: 0, count: k * d)
        for c in 0 ..< k {
            for j in 0 ..< d { means[c * d + j] = sx[c * d + j] / counts[c] }
        }
        let scatter = labels.withUnsafeBufferPointer { l in
            WeightedScatter(data: data, labels: l, means: means, components: k,
                            diagonalOnly: CovarianceEstimation.needsDiagonalOnly(covarianceType),
                            work: ChunkedWork(samples: data.count, threads: 1))
        }
        var p = MaximizationStep.parameters(nk: counts, means: means, scatter: scatter,
                                            covarianceType: covarianceType, regCovar: regCovar, start: nil)
        // scikit-learn divides the initial Nₖ by N (the M-step's normalisation gives the same
        // up to the 10·ε floor).
        p.weights = nk.map { $0 / Double(data.count) }
        return p
    }

    /// The parameters estimated from random responsibilities: every row of N × K uniform draws
    /// (row-major order) divided by its sum — scikit-learn's `init_params="random"`.
    static func parametersFromRandomResponsibilities(components k: Int, data: Dataset, covarianceType: CovarianceType,
                                                     regCovar: Double, rng: inout SeededGenerator) -> MixtureParameters {
        let n = data.count
        var resp = [Double](repeating: 0, count: n * k)
        for i in 0 ..< n {
            var total = 0.0
            for c in 0 ..< k {
                let u = rng.nextUniform()
                resp[i * k + c] = u
                total += u
            }
            // A row of k zeros has probability 2⁻⁵³ᵏ; give it equal shares rather than 0/0.
            for c in 0 ..< k {
                resp[i * k + c] = total > 0 ? resp[i * k + c] / total : 1 / Double(k)
            }
        }
        return parameters(responsibilities: resp, components: k, data: data, covarianceType: covarianceType, regCovar: regCovar)
    }

    private static func parameters(responsibilities resp: [Double], components k: Int,
                                   data: Dataset, covarianceType: CovarianceType, regCovar: Double) -> MixtureParameters {
        let summary = ExpectationSummary(responsibilities: resp, data: data, components: k)
        let nk = summary.responsibilitySums
        let work = ChunkedWork(samples: data.count, threads: 1)
        var p = resp.withUnsafeBufferPointer { r in
            MaximizationStep.run(data: data, responsibilities: r, summary: summary, components: k,
                                 covarianceType: covarianceType, regCovar: regCovar, work: work)
        }
        // scikit-learn divides the initial Nₖ by N (the M-step's normalisation gives the same
        // up to the 10·ε floor).
        p.weights = nk.map { $0 / Double(data.count) }
        return p
    }
}
