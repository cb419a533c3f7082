/// The memory one fit works in, allocated once for the whole fit so that an EM iteration
/// allocates nothing, and laid out for the fused kernel of ``ExpectationStep``.
///
/// - `values`: the data set's own N × D row-major values, shared, never copied. A pass hands each
///   chunk's samples to the kernel as blocks of ``samplesPerVector`` samples, structure of arrays
///   inside a block: block b holds D vectors, vector j the feature j of samples b·W ..< (b + 1)·W
///   (W = ``samplesPerVector``), the last block padded with copies of the last sample, which every
///   pass masks out. The blocks of one chunk are laid out in its worker's scratch just before the
///   chunk is processed (``loadBlocks(worker:rows:from:)``), so the kernel loads a feature of W
///   samples with one aligned vector load while the fit holds the data once: a blocked copy of all
///   of it would double the fit's memory (1.6 GB more at 10⁸ × 2), and rearranging a chunk that
///   the pass is about to read from cache costs a few per cent of a pass.
/// - `factors`: the current parameters in the kernel's layout (``ComponentFactors``), and the
///   shift c (K × D) around which the statistics are accumulated.
/// - per worker, the blocks of the chunk it is processing (``ChunkedWork/chunkSize`` × D
///   values), and scratch for one block: the K weighted log-densities, the K × D differences
///   x − μₖ, the D solved coordinates, and the K × S statistics accumulated in lanes. Each
///   worker's region starts on its own 64-byte cache line, so two threads never write the same
///   line (no false sharing).
/// - per chunk, the chunk's statistics reduced over lanes (1 + K × S doubles: the log-likelihood,
///   then the statistics), each slot padded to whole cache lines; then `totals`, their sum in
///   chunk order.
///
/// Statistics per component (S numbers): Rₖ = Σᵢ rᵢₖ, then Σᵢ rᵢₖ (xᵢ − cₖ) (D), then
/// Σᵢ rᵢₖ (xᵢ − cₖ)(xᵢ − cₖ)ᵀ — its upper triangle row by row (D(D+1)/2) for full and tied, its
/// diagonal (D) for diag and spherical.
///
/// A `final class` because it owns manually allocated memory, freed in `deinit`; it is never
/// shared between fits. Workers receive its pointers and write only their own worker and chunk
/// regions.
final class FitWorkspace {
    let samples: Int
    let components: Int
    let dimension: Int
    let covarianceType: CovarianceType
    let blocks: Int
    /// Statistics per component, S.
    let statisticsStride: Int
    let work: ChunkedWork

    /// The data set whose N × D row-major values the passes read.
    let source: Dataset
    /// The first row of ``source`` the passes read: they read rows `firstRow ..< firstRow + samples`.
    let firstRow: Int
    var factors: ComponentFactors
    /// cₖ, K × D: the point each component's statistics are taken around.
    let shift: UnsafeMutablePointer<Double>
    /// Whether ``shift`` holds other points than the factors' means (the M-step's exact pass).
    private(set) var statisticsAroundNewMeans = false

    private let scratch: UnsafeMutablePointer<SampleVector>
    private let scratchStride: Int
    /// Per worker, the blocks of one chunk: chunkSize / W blocks of D vectors.
    private let chunkBlocks: UnsafeMutablePointer<SampleVector>
    private let chunkBlocksStride: Int
    private let partials: UnsafeMutablePointer<Double>
    private let partialStride: Int
    /// The log-likelihood sum over all samples, then K × S statistics, summed in chunk order.
    let totals: UnsafeMutablePointer<Double>

    /// Scratch regions of one worker: `logDensities` K, `differences` K × D, `solved` D,
    /// `accumulators` K × S, `logLikelihood` 1 (all in lanes).
    struct Scratch {
        let logDensities: UnsafeMutablePointer<SampleVector>
        let differences: UnsafeMutablePointer<SampleVector>
        let solved: UnsafeMutablePointer<SampleVector>
        let accumulators: UnsafeMutablePointer<SampleVector>
        let logLikelihood: UnsafeMutablePointer<SampleVector>
    }

    /// A workspace for the rows `rows` of `data` (all of them by default).
    init(data: Dataset, rows: Range<Int>? = nil, components k: Int, covarianceType: CovarianceType, threads: Int?) {
        let rows = rows ?? 0 ..< data.count
        let n = rows.count, d = data.dimension
        firstRow = rows.lowerBound
        samples = n
        components = k
        dimension = d
        self.covarianceType = covarianceType
        blocks = (n + samplesPerVector - 1) / samplesPerVector
        let tri = CovarianceEstimation.needsDiagonalOnly(covarianceType) ? d : d * (d + 1) / 2
        statisticsStride = 1 + d + tri
        work = ChunkedWork(samples: n, threads: threads)

        source = data
        factors = ComponentFactors(components: k, dimension: d, covarianceType: covarianceType)
        shift = .allocate(count: k * d, filledWith: 0)

        // Whole 64-byte lines per worker region.
        let linesOfLanes = 64 / MemoryLayout<SampleVector>.stride
        func roundUp(_ x: Int, _ m: Int) -> Int { (x + m - 1) / m * m }
        scratchStride = roundUp(k + k * d + d + k * statisticsStride + 1, max(1, linesOfLanes))
        scratch = .allocate(count: work.workers * scratchStride, filledWith: SampleVector())
        chunkBlocksStride = ChunkedWork.chunkSize / samplesPerVector * d
        chunkBlocks = .allocate(count: work.workers * chunkBlocksStride, filledWith: SampleVector())
        partialStride = roundUp(1 + k * statisticsStride, 8)
        partials = .allocate(count: work.chunkCount * partialStride, filledWith: 0)
        totals = .allocate(count: 1 + k * statisticsStride, filledWith: 0)
    }

    deinit {
        chunkBlocks.deallocate()
        factors.deallocate()
        shift.deallocate()
        scratch.deallocate()
        partials.deallocate()
        totals.deallocate()
    }

    /// The scratch regions of `worker`.
    func scratch(worker: Int) -> Scratch {
        let base = scratch + worker * scratchStride
        let k = components, d = dimension
        return Scratch(logDensities: base, differences: base + k, solved: base + k + k * d,
                       accumulators: base + k + k * d + d, logLikelihood: base + k + k * d + d + k * statisticsStride)
    }

    /// Lays out the samples `rows` (one chunk, starting on a block boundary) of the row-major
    /// `values` as blocks in `worker`'s scratch and returns the first block: block b of the
    /// chunk at `result + b·D`, its vector j holding feature j of W samples, samples past the
    /// end of the data replaced by the last sample.
    func loadBlocks(worker: Int, rows: Range<Int>, from values: UnsafePointer<Double>) -> UnsafeMutablePointer<SampleVector> {
        let d = dimension, last = samples - 1
        let out = chunkBlocks + worker * chunkBlocksStride
        let blockCount = (rows.count + samplesPerVector - 1) / samplesPerVector
        for b in 0 ..< blockCount {
            let first = rows.lowerBound + b * samplesPerVector
            let block = out + b * d
            if first + samplesPerVector <= samples {
                for j in 0 ..< d {
                    var v = SampleVector()
                    for l in 0 ..< samplesPerVector { v[l] = values[(first + l) * d + j] }
                    block[j] = v
                }
            } else {
                for j in 0 ..< d {
                    var v = SampleVector()
                    for l in 0 ..< samplesPerVector { v[l] = values[min(first + l, last) * d + j] }
                    block[j] = v
                }
            }
        }
        return out
    }

    /// The reduced statistics of `chunk`: the log-likelihood sum, then K × S.
    func partial(chunk: Int) -> UnsafeMutablePointer<Double> { partials + chunk * partialStride }

    /// Adds the chunks' partial sums into ``totals`` in chunk order.
    func reduceChunks(statistics: Bool) {
        let count = statistics ? 1 + components * statisticsStride : 1
        totals.update(repeating: 0, count: count)
        for c in 0 ..< work.chunkCount {
            let p = partial(chunk: c)
            for j in 0 ..< count { totals[j] += p[j] }
        }
    }

    /// Σᵢ log p(xᵢ) after a pass.
    var logLikelihoodSum: Double { totals[0] }

    /// The statistics of component `c` after a pass: Rₖ, then the D first moments, then the
    /// second moments.
    func statistics(_ c: Int) -> UnsafeMutablePointer<Double> { totals + 1 + c * statisticsStride }

    /// Loads `parameters` into the kernel's layout and takes the statistics around the means.
    ///
    /// - Throws: ``FitError/illDefinedCovariance(component:iteration:)`` when a covariance is not
    ///   positive definite.
    func load(_ parameters: MixtureParameters, iteration: Int) throws {
        try factors.load(parameters, iteration: iteration)
        shift.update(from: factors.means, count: components * dimension)
        statisticsAroundNewMeans = false
    }

    /// Takes the next pass's statistics around `means` (K × D) instead of the factors' means.
    func takeStatistics(around means: [Double]) {
        for j in 0 ..< components * dimension { shift[j] = means[j] }
        statisticsAroundNewMeans = true
    }
}
