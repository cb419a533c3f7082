import GMM
import Testing

/// ``BlobGenerator``: what it draws, and each setting it refuses as a typed problem.
@Suite("Blob generator")
struct BlobGeneratorTests {
    @Test func drawsCountPointsPerMeanBlobAfterBlob() throws {
        let data = try BlobGenerator.generate(means: [[0, 0], [100, 100]], count: 50, std: 0.5, seed: 2)
        #expect(data.count == 100 && data.dimension == 2)
        #expect((0 ..< 50).allSatisfy { data[sample: $0].allSatisfy { abs($0) < 10 } })
        #expect((50 ..< 100).allSatisfy { data[sample: $0].allSatisfy { abs($0 - 100) < 10 } })
    }

    static let refused: [(means: [[Double]], count: Int, std: Double, problem: BlobProblem)] = [
        ([], 10, 1, .noMeans),
        ([[]], 10, 1, .noMeans),
        ([[0, 0], [1, 1, 1]], 10, 1, .meanDimension(mean: 1, coordinates: 3, dimension: 2)),
        ([[0, 0], [.nan, 1]], 10, 1, .meanNotFinite(mean: 1)),
        ([[0, 0]], 0, 1, .count(0, allowed: 1 ... BlobGenerator.maxCount)),
        ([[0, 0]], BlobGenerator.maxCount + 1, 1, .count(BlobGenerator.maxCount + 1, allowed: 1 ... BlobGenerator.maxCount)),
        ([[0, 0]], 10, 0, .standardDeviation(0)),
        ([[0, 0]], 10, .infinity, .standardDeviation(.infinity)),
    ]

    @Test func refusesEachBadSetting() {
        for c in Self.refused {
            #expect(throws: DataError.invalidBlobs(c.problem)) {
                try BlobGenerator.generate(means: c.means, count: c.count, std: c.std)
            }
            #expect(!DataError.invalidBlobs(c.problem).description.contains("\n"))
        }
    }
}
