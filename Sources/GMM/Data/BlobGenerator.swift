/// Synthetic data: isotropic Gaussian blobs, drawn with a seeded generator.
public enum BlobGenerator {
    /// `count` samples around each of `means` (K × D), with standard deviation `std` on every
    /// axis, blob after blob (all of blob 1, then all of blob 2, …) like the notebook's
    /// `np.concatenate(blobs)`.
    ///
    /// - Throws: ``DataError`` when there are no means, the means differ in dimension, `count`
    ///   is not positive or `std` is not a positive finite number.
    public static func generate(means: [[Double]], count: Int, std: Double = 1, seed: UInt64 = 0) throws -> Dataset {
        guard let d = means.first?.count, d >= 1 else { throw DataError.invalid("give at least one blob mean") }
        guard means.allSatisfy({ $0.count == d }) else { throw DataError.invalid("every blob mean needs \(d) coordinates") }
        guard count >= 1 else { throw DataError.invalid("the count of points per blob must be at least 1, got \(count)") }
        guard std > 0, std.isFinite else { throw DataError.invalid("the standard deviation must be a positive number, got \(std)") }
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
