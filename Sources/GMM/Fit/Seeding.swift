import Foundation

/// Seeds for the data-driven initialisations, and the parameters estimated from them.
enum Seeding {
    /// Squared Euclidean distance between samples `i` and `j`.
    private static func distanceSquared(_ data: Dataset, _ i: Int, _ j: Int) -> Double {
        data.values.withUnsafeBufferPointer { xs in
            guard let x = xs.baseAddress else { return 0 }
            let d = data.dimension
            return NearestCentre.distanceSquared(x + i * d, x + j * d, dimension: d)
        }
    }

    /// k-means++ with scikit-learn's greedy refinement: the first seed uniformly, each next one
    /// the best of 2 + ⌊ln K⌋ candidates drawn with probability ∝ D(x)².
    static func kMeansPlusPlus(data: Dataset, components k: Int, rng: inout SeededGenerator) throws -> [Int] {
        let n = data.count
        guard n >= k else { throw FitError.tooFewSamples(samples: n, components: k) }
        let trials = 2 + Int(Foundation.log(Double(k)))
        var seeds = [rng.nextIndex(below: n)]
        var closest = (0 ..< n).map { distanceSquared(data, $0, seeds[0]) }
        var potential = closest.reduce(0, +)
        while seeds.count < k {
            guard potential > 0 else {
                throw FitError.tooFewDistinctPoints(distinct: seeds.count, components: k)
            }
            var best: (index: Int, potential: Double, distances: [Double])?
            for _ in 0 ..< trials {
                // Inverse-CDF sampling over the running sum of D(x)².
                let target = rng.nextUniform() * potential
                var acc = 0.0
                var candidate = n - 1
                for i in 0 ..< n {
                    acc += closest[i]
                    if acc > target, closest[i] > 0 { candidate = i; break }
                }
                if closest[candidate] == 0 { continue }
                var distances = closest
                var total = 0.0
                for i in 0 ..< n {
                    distances[i] = min(closest[i], distanceSquared(data, i, candidate))
                    total += distances[i]
                }
                if best == nil || total < (best?.potential ?? .infinity) {
                    best = (candidate, total, distances)
                }
            }
            guard let chosen = best else {
                throw FitError.tooFewDistinctPoints(distinct: seeds.count, components: k)
            }
            seeds.append(chosen.index)
            closest = chosen.distances
            potential = chosen.potential
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
    static func nearestSeedLabels(_ seeds: [Int], data: Dataset) -> [Int] {
        let d = data.dimension
        let centres = seeds.flatMap { Array(data[sample: $0]) }
        return data.values.withUnsafeBufferPointer { xs in
            centres.withUnsafeBufferPointer { cs in
                guard let x = xs.baseAddress, let c = cs.baseAddress else { return [] }
                return (0 ..< data.count).map {
                    NearestCentre.search(x + $0 * d, centres: c, count: seeds.count, dimension: d).index
                }
            }
        }
    }

    /// The parameters estimated from hard responsibilities (rᵢₖ = 1 for k = `labels[i]`) with
    /// the M-step's formulas for `covarianceType`, weights Nₖ / N — scikit-learn's
    /// `_initialize` after k-means.
    static func parametersFromLabels(_ labels: [Int], components k: Int, data: Dataset,
                                     covarianceType: CovarianceType, regCovar: Double) -> MixtureParameters {
        let n = data.count, d = data.dimension
        var resp = [Double](repeating: 0, count: n * k)
        var nk = [Double](repeating: 0, count: k)
        var sx = [Double](repeating: 0, count: k * d)
        for (i, best) in labels.enumerated() {
            resp[i * k + best] = 1
            nk[best] += 1
            for (j, v) in data[sample: i].enumerated() { sx[best * d + j] += v }
        }
        return parameters(responsibilities: resp, nk: nk, sx: sx, components: k, data: data,
                          covarianceType: covarianceType, regCovar: regCovar)
    }

    /// The parameters estimated from random responsibilities: every row of N × K uniform draws
    /// (row-major order) divided by its sum — scikit-learn's `init_params="random"`.
    static func parametersFromRandomResponsibilities(components k: Int, data: Dataset, covarianceType: CovarianceType,
                                                     regCovar: Double, rng: inout SeededGenerator) -> MixtureParameters {
        let n = data.count, d = data.dimension
        var resp = [Double](repeating: 0, count: n * k)
        var nk = [Double](repeating: 0, count: k)
        var sx = [Double](repeating: 0, count: k * d)
        for i in 0 ..< n {
            var total = 0.0
            for c in 0 ..< k {
                let u = rng.nextUniform()
                resp[i * k + c] = u
                total += u
            }
            // A row of k zeros has probability 2⁻⁵³ᵏ; give it equal shares rather than 0/0.
            for c in 0 ..< k {
                let r = total > 0 ? resp[i * k + c] / total : 1 / Double(k)
                resp[i * k + c] = r
                nk[c] += r
                for (j, v) in data[sample: i].enumerated() { sx[c * d + j] += r * v }
            }
        }
        return parameters(responsibilities: resp, nk: nk, sx: sx, components: k, data: data,
                          covarianceType: covarianceType, regCovar: regCovar)
    }

    private static func parameters(responsibilities resp: [Double], nk: [Double], sx: [Double], components k: Int,
                                   data: Dataset, covarianceType: CovarianceType, regCovar: Double) -> MixtureParameters {
        let summary = ExpectationSummary(responsibilitySums: nk, weightedSums: sx)
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
