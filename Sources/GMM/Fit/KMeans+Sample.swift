/// k-means and k-means++ on large data: the seeding and the clustering run on a uniform sample,
/// and every sample then joins its nearest centre.
///
/// k-means++ seeding reads the data 1 + (K − 1)(2 + ⌊ln K⌋) times serially and Lloyd's
/// iterations run until the labels settle, so on all of 10⁸ samples the start alone would cost
/// more than the EM that follows. Centres found on 10⁶ uniformly drawn samples are as good as
/// those found on all of them to within sampling error (the centroid of a cluster of n sampled
/// points is off by σ/√n), the cost no longer grows with N beyond one assignment pass, and at
/// most ``sampleSize`` samples the start is scikit-learn's exactly, bit for bit.
extension KMeans {
    /// The most samples k-means runs on; beyond it, it runs on a uniform sample of this size.
    static let sampleSize = 1_000_000

    /// N labels in 0..<K: Lloyd's k-means from k-means++ seeds drawn with `rng`, on all of `data`
    /// when it has at most ``sampleSize`` samples, otherwise on a uniform sample of that many
    /// (drawn with `rng` first), every sample then labelled by its nearest centre.
    static func startLabels(data: Dataset, components k: Int, rng: inout SeededGenerator, threads: Int?) throws -> [Int32] {
        guard data.count > sampleSize else {
            let seeds = try Seeding.kMeansPlusPlus(data: data, components: k, rng: &rng)
            return labels(data: data, seeds: seeds, work: ChunkedWork(samples: data.count, threads: threads))
        }
        let sample = try data.startSample(count: sampleSize, rng: &rng)
        let seeds = try Seeding.kMeansPlusPlus(data: sample, components: k, rng: &rng)
        let centres = run(data: sample, seeds: seeds, work: ChunkedWork(samples: sample.count, threads: threads)).centres
        return nearestLabels(data: data, centres: centres, components: k, work: ChunkedWork(samples: data.count, threads: threads))
    }

    /// N labels in 0..<K: every sample's nearest of K k-means++ seeds drawn with `rng` (ties to
    /// the earlier seed), the seeds drawn from all of `data` when it has at most
    /// ``sampleSize`` samples, otherwise from a uniform sample of that many (drawn with `rng`
    /// first). Seeding reads the data 1 + (K − 1)(2 + ⌊ln K⌋) times, serially: on a sample
    /// it costs the same at any N, and the labelling pass runs on every core.
    static func seedLabels(data: Dataset, components k: Int, rng: inout SeededGenerator, threads: Int?) throws -> [Int32] {
        let source = data.count > sampleSize ? try data.startSample(count: sampleSize, rng: &rng) : data
        let seeds = try Seeding.kMeansPlusPlus(data: source, components: k, rng: &rng)
        let centres = seeds.flatMap { Array(source[sample: $0]) }
        return nearestLabels(data: data, centres: centres, components: k, work: ChunkedWork(samples: data.count, threads: threads))
    }

    /// Every sample's nearest centre among `centres` (K × D; ties to the lower index).
    static func nearestLabels(data: Dataset, centres: [Double], components k: Int, work: ChunkedWork) -> [Int32] {
        let d = data.dimension
        var labels = [Int32](repeating: 0, count: data.count)
        data.values.withUnsafeBufferPointer { xs in
            centres.withUnsafeBufferPointer { cs in
                labels.withUnsafeMutableBufferPointer { out in
                    guard let x = xs.baseAddress, let c = cs.baseAddress, let o = out.baseAddress else { return }
                    work.forEachChunk { _, _, rows in
                        for i in rows {
                            o[i] = Int32(truncatingIfNeeded: NearestCentre.search(x + i * d, centres: c, count: k, dimension: d).index)
                        }
                    }
                }
            }
        }
        return labels
    }
}

extension Dataset {
    /// The start's sample: `count` distinct samples drawn uniformly without replacement from the
    /// start's own generator, in their order in the data set. Floyd's algorithm makes `count`
    /// draws whatever N and marks them in a bitmap of N bits; `uniformSample(size:seed:)`,
    /// which must take rows one at a time as a reader streams them, makes one draw per row.
    ///
    /// - Throws: `DataError` if the data set has fewer samples.
    func startSample(count m: Int, rng: inout SeededGenerator) throws -> Dataset {
        let n = self.count
        guard m <= n else { throw DataError.invalid("a sample of \(m) from \(n) samples; ask for at most \(n)") }
        // The chosen rows as a bitmap (N bits: 12.5 MB at 10⁸), read back in row order.
        var chosen = [UInt64](repeating: 0, count: (n + 63) / 64)
        func insert(_ i: Int) -> Bool {
            let bit = UInt64(1) << UInt64(i & 63)
            defer { chosen[i >> 6] |= bit }
            return chosen[i >> 6] & bit == 0
        }
        for j in (n - m) ..< n {
            let t = rng.nextIndex(below: j + 1)
            if !insert(t) { _ = insert(j) }
        }
        var rows = [Int]()
        rows.reserveCapacity(m)
        for (w, word) in chosen.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                rows.append(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        let d = dimension
        var values = [Double]()
        values.reserveCapacity(m * d)
        self.values.withUnsafeBufferPointer { xs in
            for i in rows { values.append(contentsOf: xs[(i * d) ..< ((i + 1) * d)]) }
        }
        return try Dataset(values: values, dimension: d, columnNames: columnNames)
    }
}
