/// Synthetic data: isotropic Gaussian blobs, drawn with a seeded generator.
public enum BlobGenerator {
    /// The most points per blob: enough for any picture, and 8 bytes × D each.
    public static let maxCount = 10_000_000

    /// `count` samples around each of `means` (K × D), with standard deviation `std` on every
    /// axis, blob after blob (all of blob 1, then all of blob 2, …) like the notebook's
    /// `np.concatenate(blobs)`.
    ///
    /// - Throws: ``DataError/invalidBlobs(_:)`` when there are no means, the means differ in
    ///   dimension or hold a value that is not finite, `count` is outside 1...``maxCount`` or
    ///   `std` is not a positive finite number.
    public static func generate(means: [[Double]], count: Int, std: Double = 1, seed: UInt64 = 0) throws -> Dataset {
        func fail(_ problem: BlobProblem) -> DataError { .invalidBlobs(problem) }
        guard let d = means.first?.count, d >= 1 else { throw fail(.noMeans) }
        if let m = means.firstIndex(where: { $0.count != d }) {
            throw fail(.meanDimension(mean: m, coordinates: means[m].count, dimension: d))
        }
        if let m = means.firstIndex(where: { !$0.allSatisfy(\.isFinite) }) { throw fail(.meanNotFinite(mean: m)) }
        guard (1 ... maxCount).contains(count) else { throw fail(.count(count, allowed: 1 ... maxCount)) }
        guard std > 0, std.isFinite else { throw fail(.standardDeviation(std)) }
        var rng = SeededGenerator(seed: seed)
        var values = [Double]()
        values.reserveCapacity(means.count * count * d)
        for mean in means {
            for _ in 0 ..< count {
                for j in 0 ..< d { values.append(mean[j] + std * rng.nextNormal()) }
            }
        }
        return try Dataset(values: values, dimension: d)
    }
}

/// The notebook's experiment, gmmviz's built-in demo.
public enum Demo {
    /// The blobs' true means: (2, 4), (−5, 3), (0, −4).
    public static let trueMeans: [[Double]] = [[2, 4], [-5, 3], [0, -4]]
    /// Points per blob.
    public static let pointsPerBlob = 100
    /// The notebook's initial means: (−5, −5), (0, −5), (0, 5), with identity covariances and
    /// equal weights.
    public static let initialMeans: [[Double]] = [[-5, -5], [0, -5], [0, 5]]

    /// Three blobs of 100 points with identity covariances, drawn from `seed`.
    public static func data(seed: UInt64 = 0) throws -> Dataset {
        try BlobGenerator.generate(means: trueMeans, count: pointsPerBlob, seed: seed)
    }

    /// The notebook's initial model.
    public static var initialParameters: MixtureParameters { MixtureParameters(means: initialMeans) }
}
