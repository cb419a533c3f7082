import Foundation
import GMM

/// Numerical comparison with a stated tolerance.
///
/// `relativeError(a, b)` is ‖a − b‖∞ / max(‖b‖∞, tiny): the error relative to the reference's
/// largest magnitude. Element-wise relative error is meaningless for entries that are zero up
/// to round-off (the off-diagonal of a covariance of independent axes); scaling by the array's
/// magnitude is how LAPACK and numpy's `allclose`-style tests state tolerances for vectors.
public enum Numerics {
    public static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "shapes differ: \(a.count) vs \(b.count)")
        var diff = 0.0, scale = 0.0
        for (x, y) in zip(a, b) {
            diff = max(diff, abs(x - y))
            scale = max(scale, abs(y))
        }
        return diff / max(scale, Double.leastNormalMagnitude)
    }

    public static func relativeError(_ a: Double, _ b: Double) -> Double {
        relativeError([a], [b])
    }

    /// K × D × D (or any nesting) flattened.
    public static func flat(_ m: [[Double]]) -> [Double] { m.flatMap { $0 } }
    public static func flat(_ m: [[[Double]]]) -> [Double] { m.flatMap { $0.flatMap { $0 } } }
}

/// Paths of the package and of the built products, for tests that run the binary.
public enum TestPaths {
    /// The package's root directory.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The directory holding the built products of the running test bundle (`.build/debug`).
    public static var productsDirectory: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("gmmviz").path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }

    /// A fresh empty directory under the system's temporary directory.
    public static func temporaryDirectory(_ label: String = "gmmviz-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Random data for invariant tests, from the package's own seeded generator.
public enum RandomData {
    /// `n` samples in `d` dimensions from `k` blobs with random centres in [−5, 5]^d.
    public static func blobs(n: Int, d: Int, k: Int, seed: UInt64) throws -> Dataset {
        var rng = SeededGenerator(seed: seed)
        let centres = (0 ..< k).map { _ in (0 ..< d).map { _ in rng.nextUniform() * 10 - 5 } }
        var values = [Double]()
        for i in 0 ..< n {
            let c = centres[i % k]
            for j in 0 ..< d { values.append(c[j] + (0.5 + rng.nextUniform()) * rng.nextNormal()) }
        }
        return try Dataset(values: values, dimension: d)
    }
}
