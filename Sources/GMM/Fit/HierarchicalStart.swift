/// ``Initialization/hierarchical`` for one data set: the hierarchy built once, cut at any K.
///
/// Data of at most ``Initialization/hierarchicalSubsample`` samples is clustered whole; larger
/// data through that many samples drawn without replacement with the seed (mclust's `subset`).
struct HierarchicalStart: Sendable {
    /// The samples clustered: the data or its subsample (N' × D, original scale).
    let samples: Dataset
    /// Their hierarchy, built on ``HierarchicalClustering/transformed(_:)`` of them.
    let tree: HierarchicalClustering

    init(data: Dataset, seed: UInt64) throws {
        let limit = Initialization.hierarchicalSubsample
        if data.count > limit {
            var rng = SeededGenerator(seed: seed)
            // partial Fisher–Yates: the first `limit` of a seeded shuffle, kept in data order
            var order = Array(0 ..< data.count)
            for i in 0 ..< limit { order.swapAt(i, i + rng.nextIndex(below: data.count - i)) }
            let chosen = order[0 ..< limit].sorted()
            let d = data.dimension
            var values = [Double]()
            values.reserveCapacity(limit * d)
            for i in chosen { values.append(contentsOf: data[sample: i]) }
            samples = try Dataset(values: values, dimension: d)
        } else {
            samples = data
        }
        tree = try HierarchicalClustering(HierarchicalClustering.transformed(samples))
    }

    /// The parameters estimated from the hierarchy's K clusters on the original-scale samples.
    ///
    /// - Throws: ``FitError/tooFewSamples(samples:components:)`` when K exceeds the samples.
    func parameters(components k: Int, covarianceType: CovarianceType, regCovar: Double) throws -> MixtureParameters {
        guard k <= samples.count else { throw FitError.tooFewSamples(samples: samples.count, components: k) }
        return Seeding.parametersFromLabels(tree.labels(clusters: k), components: k, data: samples,
                                            covarianceType: covarianceType, regCovar: regCovar)
    }
}
