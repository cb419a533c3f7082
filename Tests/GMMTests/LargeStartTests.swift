import Foundation
import Testing
@testable import GMM

/// The k-means start on data beyond ``KMeans/sampleSize`` samples, and the E-step of a range of rows.
@Suite struct LargeStartTests {
    /// Three blobs of 1,000,002 samples in all: one more block than k-means runs on whole.
    static let data: Dataset = {
        do {
            return try BlobGenerator.generate(means: [[0, 0], [8, 0], [4, 7]], count: KMeans.sampleSize / 3 + 1, seed: 9)
        } catch {
            fatalError("the blobs failed: \(error)")
        }
    }()

    /// Past the sample size, k-means runs on a uniform sample; every sample then joins its
    /// nearest centre, and the start's means are those of all the data to within sampling error
    /// (σ/√n ≈ 0.002 per blob), the same on any number of threads.
    @Test func sampledStartAgreesWithTheWholeData() throws {
        let data = Self.data
        #expect(data.count > KMeans.sampleSize)
        var rng = SeededGenerator(seed: 3)
        let labels = try KMeans.startLabels(data: data, components: 3, rng: &rng, threads: 2)
        var rng1 = SeededGenerator(seed: 3)
        #expect(try KMeans.startLabels(data: data, components: 3, rng: &rng1, threads: 1) == labels)
        let p = Seeding.parametersFromLabels(labels, components: 3, data: data, covarianceType: .full, regCovar: 1e-6)
        // Each sample's label is its nearest start mean's (the start's means are the label means,
        // which k-means on the sample put within sampling error of the centres it labelled by).
        let truth: [[Double]] = [[0, 0], [8, 0], [4, 7]]
        for mean in p.means {
            let distances: [Double] = truth.map { t in
                let dx = t[0] - mean[0], dy = t[1] - mean[1]
                return dx * dx + dy * dy
            }
            let nearest = distances.min() ?? .infinity
            #expect(nearest.squareRoot() < 0.01, "start mean \(mean)")
        }
        #expect(abs(p.weights.reduce(0, +) - 1) < 1e-12)
        for w in p.weights { #expect(abs(w - 1.0 / 3) < 1e-3) }
        // Against k-means on all of the data from the same kind of start.
        var rngAll = SeededGenerator(seed: 3)
        let seeds = try Seeding.kMeansPlusPlus(data: data, components: 3, rng: &rngAll)
        let whole = KMeans.run(data: data, seeds: seeds, work: ChunkedWork(samples: data.count, threads: 2)).centres
        for mean in p.means {
            let distances: [Double] = stride(from: 0, to: whole.count, by: 2).map { c in
                let dx = whole[c] - mean[0], dy = whole[c + 1] - mean[1]
                return dx * dx + dy * dy
            }
            let nearest = distances.min() ?? .infinity
            #expect(nearest.squareRoot() < 0.01)
        }
    }

    /// A uniform sample without replacement: distinct rows, in data order, each from the data.
    @Test func uniformSampleIsDistinctRowsInOrder() throws {
        let data = try Dataset(values: (0 ..< 2000).map(Double.init), dimension: 2)
        var rng = SeededGenerator(seed: 1)
        let sample = try data.startSample(count: 300, rng: &rng)
        let firsts = stride(from: 0, to: sample.values.count, by: 2).map { sample.values[$0] }
        #expect(firsts.count == 300 && Set(firsts).count == 300 && firsts == firsts.sorted())
        for i in 0 ..< 300 { #expect(sample.values[2 * i + 1] == sample.values[2 * i] + 1) }
        var again = SeededGenerator(seed: 1)
        #expect(try data.startSample(count: 300, rng: &again) == sample)
        #expect(throws: DataError.self) { try data.startSample(count: 1001, rng: &again) }
    }

    /// The responsibilities of a range of rows are those rows of the whole matrix, bit for bit.
    @Test func responsibilitiesOfRowsAreRowsOfTheWhole() throws {
        let data = try BlobGenerator.generate(means: [[0, 0], [3, 1], [1, 4]], count: 3001, seed: 2)
        let model = try GaussianMixture(components: 3).fit(data, initialization: .kMeans).model
        let all = try model.responsibilities(for: data)
        for rows in [0 ..< 1, 5 ..< 4100, 4096 ..< 8192, 8999 ..< 9003] {
            #expect(try model.responsibilities(for: data, rows: rows) == Array(all[(rows.lowerBound * 3) ..< (rows.upperBound * 3)]))
        }
        #expect(try model.responsibilities(for: data, rows: 7 ..< 7).isEmpty)
        #expect(throws: DataError.self) { try model.responsibilities(for: data, rows: 9000 ..< 9004) }
    }
}
