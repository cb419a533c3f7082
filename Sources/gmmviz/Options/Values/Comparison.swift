import ArgumentParser

/// `--compare`: another algorithm drawn beside the EM, from the same start.
enum Comparison: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// Lloyd's k-means from the EM's initial means, with scikit-learn's `KMeans` defaults
    /// (at most 300 iterations, tolerance 1e-4 of the mean feature variance).
    case kmeans
}
