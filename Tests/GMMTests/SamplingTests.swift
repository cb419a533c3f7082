import GMM
import Testing

/// Reservoir sampling: every subset of the sample's size equally likely (against the closed
/// form, a uniform distribution over the C(N, n) subsets), the same rows for the same seed
/// whether the rows stream in or sit in a data set, and the rows kept in their original order.
@Suite("Uniform row samples")
struct SamplingTests {
    /// Row indices 0 ..< n as a data set of one column, so a sampled value names its row.
    static func numbered(_ n: Int) throws -> Dataset {
        try Dataset(values: (0 ..< n).map(Double.init), dimension: 1)
    }

    /// 2 of 5 rows, over 20,000 seeds: each of the C(5, 2) = 10 subsets has probability 1/10,
    /// so its count is binomial with mean 2,000 and standard deviation √(20,000 · 0.1 · 0.9) ≈
    /// 42.4. Five standard deviations (212) leave a chance below 10⁻⁵ that a correct sampler
    /// fails; a rule favouring early or late rows (keeping each later row with probability
    /// n/N instead of n/(i + 1), say) moves some subset's count by several hundred.
    @Test func everySubsetIsEquallyLikely() throws {
        var counts = [[Int]: Int]()
        let seeds = 20_000
        for seed in 0 ..< seeds {
            var reservoir = try Reservoir(capacity: 2, seed: UInt64(seed))
            for _ in 0 ..< 5 { _ = reservoir.admit() }
            counts[reservoir.positions.sorted(), default: 0] += 1
        }
        #expect(counts.count == 10)
        for (subset, count) in counts {
            #expect(abs(count - seeds / 10) <= 212, "subset \(subset) drawn \(count) times of \(seeds)")
        }
    }

    /// Each row's chance of being kept is n/N for a longer stream too: 100 of 1,000 rows over
    /// 2,000 seeds. The number of the first (or last) hundred rows in one sample is
    /// hypergeometric, mean 10 and variance 100 · 0.1 · 0.9 · 900/999 ≈ 8.1, so over 2,000
    /// seeds the count has mean 20,000 and standard deviation ≈ 127; 5σ ≈ 640.
    @Test func earlyAndLateRowsAreKeptAlike() throws {
        var early = 0, late = 0
        for seed in 0 ..< 2_000 {
            var reservoir = try Reservoir(capacity: 100, seed: UInt64(seed))
            for _ in 0 ..< 1_000 { _ = reservoir.admit() }
            early += reservoir.positions.filter { $0 < 100 }.count
            late += reservoir.positions.filter { $0 >= 900 }.count
        }
        #expect(abs(early - 20_000) <= 640 && abs(late - 20_000) <= 640, "early \(early), late \(late)")
    }

    @Test func streamedRowsAndAStoredDataSetGiveTheSameSample() throws {
        let data = try Dataset(values: (0 ..< 3_000).map { Double($0) * 0.5 }, dimension: 3)
        var rows = try RowReservoir(capacity: 37, dimension: 3, seed: 9)
        for i in 0 ..< data.count { try rows.offer(data[sample: i]) }
        let streamed = try rows.dataset()
        let stored = try data.uniformSample(size: 37, seed: 9)
        #expect(streamed == stored)
        #expect(rows.seen == 1_000 && stored.count == 37 && stored.dimension == 3)
        #expect(try data.uniformSample(size: 37, seed: 10) != stored)
    }

    /// The sample is a subsequence of the data: its rows are rows of the data, in the data's
    /// order, each once.
    @Test func sampleKeepsTheRowsInTheirOrder() throws {
        let sample = try Self.numbered(10_000).uniformSample(size: 500, seed: 3)
        #expect(sample.count == 500)
        #expect(zip(sample.values, sample.values.dropFirst()).allSatisfy { $0 < $1 })
        #expect(sample.values.allSatisfy { $0 >= 0 && $0 < 10_000 && $0 == $0.rounded() })
    }

    @Test func aSampleAsLargeAsTheDataIsTheData() throws {
        let data = try Self.numbered(50)
        #expect(try data.uniformSample(size: 50, seed: 1) == data)
        #expect(try data.uniformSample(size: 80, seed: 1) == data)
        var rows = try RowReservoir(capacity: 80, dimension: 1, seed: 1)
        for i in 0 ..< 50 { try rows.offer([Double(i)]) }
        #expect(try rows.dataset() == data)
    }

    @Test func columnNamesSurvive() throws {
        let data = try Dataset(values: (0 ..< 40).map(Double.init), dimension: 2, columnNames: ["a", "b"])
        #expect(try data.uniformSample(size: 5, seed: 0).columnNames == ["a", "b"])
    }

    @Test func invalidSamplesAreRefused() throws {
        #expect(throws: DataError.self) { try Reservoir(capacity: 0, seed: 0) }
        #expect(throws: DataError.self) { try RowReservoir(capacity: 3, dimension: 0, seed: 0) }
        #expect(throws: DataError.self) { try Self.numbered(5).uniformSample(size: 0, seed: 0) }
        var rows = try RowReservoir(capacity: 3, dimension: 2, seed: 0)
        #expect(throws: DataError.self) { try rows.offer([1.0, 2.0, 3.0]) }
    }
}
