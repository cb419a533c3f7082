import Foundation

/// The E-step in log space, fused with the sums the M-step needs, over blocks of samples.
///
/// For every sample the K weighted log-densities aₖ = log πₖ + log N(x | μₖ, Σₖ) are computed
/// through the Cholesky factors, then normalised with log-sum-exp:
/// log p(x) = m + log Σₖ exp(aₖ − m) with m = maxₖ aₖ, and rₖ = exp(aₖ − m) / Σⱼ exp(aⱼ − m).
/// Subtracting the maximum means no sample underflows to 0/0, however far it lies from every
/// component (the notebook's plain pdf gives NaN there).
///
/// Why the pass is shaped as it is:
/// - **One pass over the data per iteration.** The responsibilities are used where they are
///   computed: the same block adds rᵢₖ, rᵢₖ(xᵢ − cₖ) and rᵢₖ(xᵢ − cₖ)(xᵢ − cₖ)ᵀ to its
///   statistics, so the N × K responsibilities (64 MB at N = 10⁶, K = 8) are never written and
///   read back. ``MaximizationStep`` turns the sums taken around cₖ = μₖ (the old means) into
///   the scatter around the new means; when that would cancel, it asks for a second pass
///   around the new means instead (see there).
/// - **SIMD across samples.** A block holds W = ``samplesPerVector`` samples, one per lane
///   (``FitWorkspace`` lays out each chunk that way), so every scalar operation of the algorithm is
///   one vector operation, and the exponentials and the logarithm are vector functions
///   (``expNonPositiveNormal(_:)-(SampleVector)``, ``logPositiveNormal(_:)``).
/// - **The covariance type is a type parameter.** ``run(_:outputs:)`` picks a
///   ``DensityKernel`` and a ``StatisticsKernel`` once; the pass is specialised for them. For
///   full and tied covariances at D ≤ 8 the dimension is a type parameter too
///   (``FixedTriangularKernel``): the solve and the sums unroll, about a tenth less CPU time per
///   iteration at D = 8, with the same bits as the kernel for any D.
/// - **Accumulation in lanes, per worker, reduced per chunk.** Each worker adds its blocks into
///   its own cache-line-aligned lane accumulators; at the end of a chunk they are summed over
///   lanes in a fixed order into the chunk's slot, and the slots are added in chunk order
///   (``FitWorkspace/reduceChunks(statistics:)``). Chunks have a fixed size
///   (``ChunkedWork``), so the bits of the result do not depend on the number of threads.
/// - **Nothing allocated.** Every buffer belongs to the workspace, and every buffer starts on a
///   cache line, so a block's feature vector is one aligned load that never straddles two lines.
/// - **Vector width is the build's.** The code is written for eight lanes; a build for baseline
///   x86-64 runs each eight-lane operation as four SSE2 instructions, one for AVX-512 as one
///   (`make` builds for the host, see `scripts/target-cpu.sh`: about twice as fast at N = 10⁶).
///   No multiply and add is fused unless written so, so every build gives the same bits.
enum ExpectationStep {
    /// What a pass writes besides Σᵢ log p(xᵢ).
    struct Outputs {
        /// Accumulate the M-step's statistics into the workspace.
        var statistics = false
        /// N × K row-major responsibilities.
        var responsibilities: UnsafeMutablePointer<Double>?
        /// N per-sample log-likelihoods.
        var logLikelihoods: UnsafeMutablePointer<Double>?
    }

    /// Runs one pass at the workspace's factors and returns the mean log-likelihood
    /// L = (1/N) Σᵢ log p(xᵢ), or `nil` when some sample's log-likelihood is not finite. With
    /// `outputs.statistics` the workspace's totals then hold the statistics around its shift.
    static func run(_ ws: FitWorkspace, outputs: Outputs) -> Double? {
        let d = ws.dimension
        switch ws.covarianceType.storage {
        case .full, .tied:
            switch d {
            case 2: pass(ws, outputs, TriangularKernel2.self, TriangleStatistics2.self)
            case 3: pass(ws, outputs, FixedTriangularKernel<Dimension3>.self, FixedTriangleStatistics<Dimension3>.self)
            case 4: pass(ws, outputs, FixedTriangularKernel<Dimension4>.self, FixedTriangleStatistics<Dimension4>.self)
            case 5: pass(ws, outputs, FixedTriangularKernel<Dimension5>.self, FixedTriangleStatistics<Dimension5>.self)
            case 6: pass(ws, outputs, FixedTriangularKernel<Dimension6>.self, FixedTriangleStatistics<Dimension6>.self)
            case 7: pass(ws, outputs, FixedTriangularKernel<Dimension7>.self, FixedTriangleStatistics<Dimension7>.self)
            case 8: pass(ws, outputs, FixedTriangularKernel<Dimension8>.self, FixedTriangleStatistics<Dimension8>.self)
            default: pass(ws, outputs, TriangularKernel.self, TriangleStatistics.self)
            }
        case .diag:
            pass(ws, outputs, DiagonalKernel.self, DiagonalStatistics.self)
        case .spherical:
            pass(ws, outputs, SphericalKernel.self, DiagonalStatistics.self)
        }
        ws.reduceChunks(statistics: outputs.statistics)
        let total = ws.logLikelihoodSum
        guard total.isFinite else { return nil }
        return total / Double(ws.samples)
    }

    @inline(__always)
    private static func pass<E: DensityKernel, S: StatisticsKernel>(_ ws: FitWorkspace, _ outputs: Outputs,
                                                                    _: E.Type, _: S.Type) {
        let k = ws.components, d = ws.dimension, n = ws.samples
        let stride = ws.statisticsStride
        let factors = ws.factors, shift = ws.shift
        let shifted = ws.statisticsAroundNewMeans
        let floor = SampleVector(repeating: expNormalFloor)
        ws.source.values.withUnsafeBufferPointer { xs in
            guard let base = xs.baseAddress else { return }
            let values = base + ws.firstRow * d
            ws.work.forEachChunk { worker, chunk, rows in
                let s = ws.scratch(worker: worker)
                let data = ws.loadBlocks(worker: worker, rows: rows, from: values)
                let a = s.logDensities, dx = s.differences, acc = s.accumulators
                var ll = SampleVector()
                if outputs.statistics { acc.update(repeating: SampleVector(), count: k * stride) }
                let firstBlock = rows.lowerBound / samplesPerVector
                let endBlock = (rows.upperBound + samplesPerVector - 1) / samplesPerVector
                for b in firstBlock ..< endBlock {
                    let x = data + (b - firstBlock) * d
                    E.logDensities(x, factors, a, dx, s.solved)

                    var top = a[0], bottom = a[0]
                    for c in 1 ..< k {
                        let v = a[c]
                        top.replace(with: v, where: v .> top)
                        bottom.replace(with: v, where: v .< bottom)
                    }
                    var sum = SampleVector()
                    if !any(bottom - top .< floor) {
                        for c in 0 ..< k {
                            let e = expNonPositiveNormal(a[c] - top)
                            a[c] = e
                            sum += e
                        }
                    } else {
                        for c in 0 ..< k {
                            let e = expFar(a[c] - top, floor)
                            a[c] = e
                            sum += e
                        }
                    }
                    // sum ≥ 1: the largest term is e⁰ = 1 exactly.
                    var lse = top + logPositiveNormal(sum)
                    let valid = min(samplesPerVector, n - b * samplesPerVector)
                    if valid < samplesPerVector { lse *= SampleVector.firstLanes(valid) }
                    ll += lse

                    if let out = outputs.logLikelihoods {
                        for l in 0 ..< valid { out[b * samplesPerVector + l] = lse[l] }
                    }
                    guard outputs.statistics || outputs.responsibilities != nil else { continue }
                    var inverse = 1 / sum
                    if valid < samplesPerVector { inverse *= SampleVector.firstLanes(valid) }
                    for c in 0 ..< k { a[c] *= inverse }
                    if let out = outputs.responsibilities {
                        for l in 0 ..< valid {
                            let row = out + (b * samplesPerVector + l) * k
                            for c in 0 ..< k { row[c] = a[c][l] }
                        }
                    }
                    if outputs.statistics {
                        if shifted {
                            for c in 0 ..< k {
                                for j in 0 ..< d { dx[c * d + j] = x[j] - shift[c * d + j] }
                            }
                        }
                        S.accumulate(a, dx, components: k, dimension: d, acc)
                    }
                }
                let slot = ws.partial(chunk: chunk)
                slot[0] = ll.laneSum
                if outputs.statistics {
                    for j in 0 ..< k * stride { slot[1 + j] = acc[j].laneSum }
                }
            }
        }
    }

    /// exp(t) for t ≤ 0 when some lane is below the fast path's range: lanes at or below
    /// ``expZeroCeiling`` are 0, lanes between it and ``expNormalFloor`` (subnormal results)
    /// come from `Foundation.exp`, the rest from the vector path — the same bits as the fast
    /// path gives those lanes.
    @inline(never)
    private static func expFar(_ t: SampleVector, _ floor: SampleVector) -> SampleVector {
        var e = expNonPositiveNormal(t.replacing(with: floor, where: t .< floor))
        for l in 0 ..< samplesPerVector where t[l] < expNormalFloor {
            e[l] = t[l] <= expZeroCeiling ? 0 : Foundation.exp(t[l])
        }
        return e
    }
}
