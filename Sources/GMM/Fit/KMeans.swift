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
/// and added in chunk order, so the labels are the same on any number of threads.
enum KMeans {
    /// scikit-learn's `KMeans.max_iter` default.
    static let maxIterations = 300
    /// scikit-learn's `KMeans.tol` default (relative to the mean feature variance).
    static let tolerance = 1e-4

    /// N labels in 0..<K: the final cluster of every sample, starting from the samples `seeds`.
    static func labels(data: Dataset, seeds: [Int], work: ChunkedWork) -> [Int] {
        let n = data.count, d = data.dimension, k = seeds.count
        var centres = seeds.flatMap { Array(data[sample: $0]) }
        var labels = [Int](repeating: -1, count: n)
        var distances = [Double](repeating: 0, count: n)
        let threshold = tolerance * meanVariance(data)
        var strict = false
        for _ in 0 ..< maxIterations {
            let (sums, counts, changed) = assign(data: data, centres: centres, k: k, labels: &labels,
                                                 distances: &distances, work: work)
            var newCentres = sums
            var newCounts = counts
            relocateEmptyClusters(data: data, labels: labels, distances: distances,
                                  sums: &newCentres, counts: &newCounts)
            for c in 0 ..< k where newCounts[c] > 0 {
                for j in 0 ..< d { newCentres[c * d + j] /= Double(newCounts[c]) }
            }
            for c in 0 ..< k where newCounts[c] == 0 {
                for j in 0 ..< d { newCentres[c * d + j] = centres[c * d + j] }
            }
            var shift = 0.0
            for j in 0 ..< k * d {
                let t = newCentres[j] - centres[j]
                shift += t * t
            }
            centres = newCentres
            if !changed { strict = true; break }
            if shift <= threshold { break }
        }
        if !strict {
            _ = assign(data: data, centres: centres, k: k, labels: &labels, distances: &distances, work: work)
        }
        return labels
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

    /// Assigns every sample to its nearest centre (ties to the lower index), writing `labels` and
    /// the squared distances; returns the per-cluster sums (K × D), counts (K) and whether any
    /// label changed.
    private static func assign(data: Dataset, centres: [Double], k: Int, labels: inout [Int], distances: inout [Double],
                               work: ChunkedWork) -> (sums: [Double], counts: [Int], changed: Bool) {
        let d = data.dimension
        let chunks = work.chunkCount
        var partialSums = [Double](repeating: 0, count: chunks * k * d)
        var partialCounts = [Int](repeating: 0, count: chunks * k)
        var partialChanged = [Bool](repeating: false, count: chunks)
        data.values.withUnsafeBufferPointer { xs in
        centres.withUnsafeBufferPointer { cs in
        labels.withUnsafeMutableBufferPointer { ls in
        distances.withUnsafeMutableBufferPointer { ds in
        partialSums.withUnsafeMutableBufferPointer { ps in
        partialCounts.withUnsafeMutableBufferPointer { pc in
        partialChanged.withUnsafeMutableBufferPointer { pch in
            guard let xB = xs.baseAddress, let cB = cs.baseAddress, let lB = ls.baseAddress, let dB = ds.baseAddress,
                  let psB = ps.baseAddress, let pcB = pc.baseAddress, let pchB = pch.baseAddress else { return }
            work.forEachChunk { _, chunk, rows in
                let sums = psB + chunk * k * d, counts = pcB + chunk * k
                var changed = false
                for i in rows {
                    let x = xB + i * d
                    var best = 0
                    var bestDistance = Double.infinity
                    for c in 0 ..< k {
                        let m = cB + c * d
                        var s = 0.0
                        for j in 0 ..< d {
                            let t = x[j] - m[j]
                            s += t * t
                        }
                        if s < bestDistance { bestDistance = s; best = c }
                    }
                    if lB[i] != best { changed = true }
                    lB[i] = best
                    dB[i] = bestDistance
                    counts[best] += 1
                    for j in 0 ..< d { sums[best * d + j] += x[j] }
                }
                pchB[chunk] = changed
            }
        }}}}}}}
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        for chunk in 0 ..< chunks {
            for j in 0 ..< k * d { sums[j] += partialSums[chunk * k * d + j] }
            for c in 0 ..< k { counts[c] += partialCounts[chunk * k + c] }
        }
        return (sums, counts, partialChanged.contains(true))
    }

    /// Moves the samples farthest from their centres into the empty clusters, one each, taking
    /// them out of their own clusters' sums (ties to the lower sample index).
    private static func relocateEmptyClusters(data: Dataset, labels: [Int], distances: [Double],
                                              sums: inout [Double], counts: inout [Int]) {
        let empty = counts.indices.filter { counts[$0] == 0 }
        guard !empty.isEmpty else { return }
        let d = data.dimension
        let far = distances.indices.sorted { distances[$0] > distances[$1] || (distances[$0] == distances[$1] && $0 < $1) }
        var taken = 0
        for c in empty {
            // Never empty another cluster to fill this one.
            while taken < far.count, counts[labels[far[taken]]] <= 1 { taken += 1 }
            guard taken < far.count else { return }
            let i = far[taken]
            taken += 1
            let old = labels[i]
            for j in 0 ..< d {
                sums[old * d + j] -= data.values[i * d + j]
                sums[c * d + j] = data.values[i * d + j]
            }
            counts[old] -= 1
            counts[c] = 1
        }
    }
}
