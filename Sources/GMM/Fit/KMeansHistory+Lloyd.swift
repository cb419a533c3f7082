extension KMeansHistory {
    /// Runs Lloyd's k-means on `data` (N × D) from `centres` (K rows of D values) and records
    /// every iteration.
    ///
    /// The iteration and its stopping rule are `KMeans`'s, which are scikit-learn's: stop
    /// when an assignment changes no label, or when the total squared centre shift
    /// Σₖ ‖cₖ′ − cₖ‖² ≤ `tolerance` × the mean per-feature variance of the data, or after
    /// `maxIterations` iterations. An empty cluster takes the sample farthest from its own
    /// centre (scikit-learn's relocation; with several empty clusters in one iteration the
    /// order of the far samples may differ from scikit-learn's, which takes them from
    /// `argpartition`). `tolerance = 0` stops only when no label changes.
    ///
    /// Throws ``FitError/tooFewSamples(samples:components:)`` when N < K,
    /// ``FitError/invalidInitialModel(_:)`` when a centre has the wrong length or is not
    /// finite, and ``FitError/outOfRange(_:value:allowed:)`` or
    /// ``FitError/notFiniteNonNegative(_:value:)`` for the limits.
    public init(data: Dataset, centres: [[Double]], maxIterations: Int = 300, tolerance: Double = 1e-4,
                threads: Int? = nil) throws {
        let n = data.count, d = data.dimension, k = centres.count
        guard k >= 1 else { throw FitError.outOfRange(.components, value: k, allowed: 1 ... Int.max) }
        guard n >= k else { throw FitError.tooFewSamples(samples: n, components: k) }
        for (c, centre) in centres.enumerated() {
            guard centre.count == d else {
                throw FitError.invalidInitialModel(.meanDimension(mean: c, coordinates: centre.count, dimension: d))
            }
            guard centre.allSatisfy(\.isFinite) else { throw FitError.invalidInitialModel(.meanNotFinite(mean: c)) }
        }
        guard maxIterations >= 1 else { throw FitError.outOfRange(.maxIterations, value: maxIterations, allowed: 1 ... Int.max) }
        guard tolerance.isFinite, tolerance >= 0 else { throw FitError.notFiniteNonNegative(.tolerance, value: tolerance) }
        let threshold = tolerance * KMeans.meanVariance(data)
        let work = ChunkedWork(samples: n, threads: threads)
        var converged = false
        let steps: [KMeansStep] = data.values.withUnsafeBufferPointer { xs in
            guard let x = xs.baseAddress else { return [] }
            let ws = KMeansWorkspace(data: x, samples: n, components: k, dimension: d, work: work, keepingDistances: true)
            for (c, centre) in centres.enumerated() { ws.centres.advanced(by: c * d).update(from: centre, count: d) }
            func record(_ iteration: Int) -> KMeansStep {
                var inertia = 0.0
                if let distances = ws.distances { for i in 0 ..< n { inertia += distances[i] } }
                return KMeansStep(iteration: iteration,
                                  centres: Array(UnsafeBufferPointer(start: ws.centres, count: k * d)),
                                  labels: UnsafeBufferPointer(start: ws.labels, count: n).map(Int.init),
                                  inertia: inertia)
            }
            // Each assignment is both the labels of the centres just recorded and the first
            // half of the next iteration.
            var changed = ws.assign()
            var steps = [record(0)]
            for iteration in 1 ... maxIterations {
                ws.relocateEmptyClusters()
                let shift = ws.moveCentres()
                let moved = changed
                changed = ws.assign()
                steps.append(record(iteration))
                if !moved || shift <= threshold { converged = true; break }
            }
            return steps
        }
        self.init(components: k, dimensions: d, samples: n, converged: converged, steps: steps)
    }
}
