/// Lloyd's k-means, as scikit-learn's `KMeans(n_init=1, algorithm="lloyd")` runs it inside
/// `GaussianMixture(init_params="kmeans")`: from given seeds, alternate "assign every sample to
/// its nearest centre" and "move every centre to the mean of its samples".
///
/// Stopping rule (scikit-learn's defaults): stop when no label changes (strict convergence), or
/// when the total squared centre shift Σₖ ‖cₖ′ − cₖ‖² ≤ ``tolerance`` × the mean per-feature
/// variance of the data (a tolerance relative to the data's scale, so it means the same for data
/// in millimetres and kilometres), or after ``maxIterations`` iterations; without strict
/// convergence the labels are then recomputed against the final centres. A cluster left empty
/// takes the sample farthest from its own centre, as scikit-learn relocates empty clusters.
///
/// The assignment runs on ``ChunkedWork``: centre sums are accumulated per chunk in sample order
/// and added in chunk order, so the labels are the same on any number of threads. All buffers
/// belong to a ``KMeansWorkspace`` made once per run, so iterations allocate nothing.
enum KMeans {
    /// scikit-learn's `KMeans.max_iter` default.
    static let maxIterations = 300
    /// scikit-learn's `KMeans.tol` default (relative to the mean feature variance).
    static let tolerance = 1e-4

    /// N labels in 0..<K: the final cluster of every sample, starting from the samples `seeds`.
    static func labels(data: Dataset, seeds: [Int], work: ChunkedWork) -> [Int32] {
        run(data: data, seeds: seeds, work: work).labels
    }

    /// Lloyd's k-means from the samples `seeds`: every sample's final cluster (N labels in
    /// 0..<K, four bytes each) and the final centres (K × D).
    static func run(data: Dataset, seeds: [Int], work: ChunkedWork) -> (labels: [Int32], centres: [Double]) {
        let d = data.dimension, k = seeds.count
        let threshold = tolerance * meanVariance(data)
        return data.values.withUnsafeBufferPointer { xs in
            guard let x = xs.baseAddress else { return ([], []) }
            let ws = KMeansWorkspace(data: x, samples: data.count, components: k, dimension: d, work: work)
            for (c, s) in seeds.enumerated() { ws.centres.advanced(by: c * d).update(from: x + s * d, count: d) }
            var strict = false
            for _ in 0 ..< maxIterations {
                let changed = ws.assign()
                ws.relocateEmptyClusters()
                let shift = ws.moveCentres()
                if !changed { strict = true; break }
                if shift <= threshold { break }
            }
            if !strict { _ = ws.assign() }
            return (Array(UnsafeBufferPointer(start: ws.labels, count: data.count)),
                    Array(UnsafeBufferPointer(start: ws.centres, count: k * d)))
        }
    }

    /// The mean over features of the per-feature (population) variance.
    static func meanVariance(_ data: Dataset) -> Double {
        let n = Double(data.count), d = data.dimension
        var total = 0.0
        for j in 0 ..< d {
            var mean = 0.0
            for i in 0 ..< data.count { mean += data.values[i * d + j] }
            mean /= n
            var s = 0.0
            for i in 0 ..< data.count {
                let t = data.values[i * d + j] - mean
                s += t * t
            }
            total += s / n
        }
        return total / Double(d)
    }
}

/// The buffers of one k-means run: centres K × D, labels N (four bytes each: K ≤ 1,000),
/// optionally the N squared distances to the nearest centre (``KMeansHistory`` reports their sum;
/// the start does without them, they would take as much memory as two-dimensional data), the summed
/// cluster sums K × D and counts K, and per chunk its partial sums, counts and changed flag,
/// each chunk's slot padded to whole 64-byte lines so that workers never write the same line.
/// A `final class` because it owns manually allocated memory, freed in `deinit`.
final class KMeansWorkspace {
    let data: UnsafePointer<Double>
    let samples: Int
    let components: Int
    let dimension: Int
    let work: ChunkedWork
    let centres: UnsafeMutablePointer<Double>
    let labels: UnsafeMutablePointer<Int32>
    /// Each sample's squared distance to its nearest centre at the last assignment, when kept.
    let distances: UnsafeMutablePointer<Double>?
    let sums: UnsafeMutablePointer<Double>
    let counts: UnsafeMutablePointer<Int>
    private let partialSums: UnsafeMutablePointer<Double>
    private let partialCounts: UnsafeMutablePointer<Int>
    private let changed: UnsafeMutablePointer<Bool>
    private let sumStride: Int
    private let countStride: Int

    /// `data` (N × D) must outlive the workspace; `keepingDistances` keeps ``distances``.
    init(data: UnsafePointer<Double>, samples n: Int, components k: Int, dimension d: Int, work: ChunkedWork,
         keepingDistances: Bool = false) {
        self.data = data
        samples = n
        components = k
        dimension = d
        self.work = work
        func roundUp(_ x: Int) -> Int { (x + 7) / 8 * 8 }
        sumStride = roundUp(k * d)
        countStride = roundUp(k)
        centres = .allocate(count: k * d, filledWith: 0)
        labels = .allocate(count: n, filledWith: -1)
        distances = keepingDistances ? .allocate(count: n, filledWith: 0) : nil
        sums = .allocate(count: k * d, filledWith: 0)
        counts = .allocate(count: k, filledWith: 0)
        partialSums = .allocate(count: work.chunkCount * sumStride, filledWith: 0)
        partialCounts = .allocate(count: work.chunkCount * countStride, filledWith: 0)
        changed = .allocate(count: work.chunkCount * 64, filledWith: false)
    }

    deinit {
        centres.deallocate()
        labels.deallocate()
        distances?.deallocate()
        sums.deallocate()
        counts.deallocate()
        partialSums.deallocate()
        partialCounts.deallocate()
        changed.deallocate()
    }

    /// Assigns every sample to its nearest centre (ties to the lower index), writing `labels`
    /// and `distances`, and sums the clusters into `sums` and `counts`; returns whether any
    /// label changed.
    func assign() -> Bool {
        let k = components, d = dimension
        let x = data, centres = centres, labels = labels, distances = distances
        let partialSums = partialSums, partialCounts = partialCounts, changed = changed
        let sumStride = sumStride, countStride = countStride
        work.forEachChunk { _, chunk, rows in
            let sums = partialSums + chunk * sumStride, counts = partialCounts + chunk * countStride
            sums.update(repeating: 0, count: k * d)
            counts.update(repeating: 0, count: k)
            var any = false
            for i in rows {
                let xi = x + i * d
                let (best, distance) = NearestCentre.search(xi, centres: centres, count: k, dimension: d)
                if labels[i] != Int32(truncatingIfNeeded: best) { any = true }
                labels[i] = Int32(truncatingIfNeeded: best)
                distances?[i] = distance
                counts[best] += 1
                for j in 0 ..< d { sums[best * d + j] += xi[j] }
            }
            changed[chunk * 64] = any
        }
        sums.update(repeating: 0, count: k * d)
        counts.update(repeating: 0, count: k)
        var any = false
        for chunk in 0 ..< work.chunkCount {
            for j in 0 ..< k * d { sums[j] += partialSums[chunk * sumStride + j] }
            for c in 0 ..< k { counts[c] += partialCounts[chunk * countStride + c] }
            any = any || changed[chunk * 64]
        }
        return any
    }

    /// Moves every centre to the mean of its cluster (a cluster still empty keeps its centre)
    /// and returns the total squared shift Σₖ ‖cₖ′ − cₖ‖².
    func moveCentres() -> Double {
        let k = components, d = dimension
        var shift = 0.0
        for c in 0 ..< k {
            let count = counts[c]
            for j in 0 ..< d {
                let old = centres[c * d + j]
                let new = count > 0 ? sums[c * d + j] / Double(count) : old
                shift += (new - old) * (new - old)
                centres[c * d + j] = new
            }
        }
        return shift
    }

    /// Moves the samples farthest from their centres into the empty clusters, one each, taking
    /// them out of their own clusters' sums (ties to the lower sample index).
    func relocateEmptyClusters() {
        let k = components, d = dimension
        let empty = (0 ..< k).filter { counts[$0] == 0 }
        guard !empty.isEmpty else { return }
        // The centres have not moved since the assignment: recomputing a distance gives the
        // same value the assignment saw.
        let distance: [Double] = distances.map { Array(UnsafeBufferPointer(start: $0, count: samples)) }
            ?? (0 ..< samples).map { NearestCentre.search(data + $0 * d, centres: centres, count: k, dimension: d).distance }
        let far = (0 ..< samples).sorted {
            distance[$0] > distance[$1] || (distance[$0] == distance[$1] && $0 < $1)
        }
        var taken = 0
        for c in empty {
            // Never empty another cluster to fill this one.
            while taken < far.count, counts[Int(labels[far[taken]])] <= 1 { taken += 1 }
            guard taken < far.count else { return }
            let i = far[taken]
            taken += 1
            let old = Int(labels[i])
            for j in 0 ..< d {
                sums[old * d + j] -= data[i * d + j]
                sums[c * d + j] = data[i * d + j]
            }
            counts[old] -= 1
            counts[c] = 1
        }
    }
}
