import Foundation

/// What one E-step produced besides the responsibilities: the sufficient statistics the M-step
/// starts from.
struct ExpectationSummary: Sendable {
    /// Mean per-sample log-likelihood L = (1/N) Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ).
    var meanLogLikelihood: Double
    /// Σᵢ rᵢₖ, K values (without scikit-learn's 10·ε, which the M-step adds).
    var responsibilitySums: [Double]
    /// Σᵢ rᵢₖ xᵢ, K × D row-major.
    var weightedSums: [Double]
}

/// The E-step in log space.
///
/// For every sample the K weighted log-densities aₖ = log πₖ + log N(x | μₖ, Σₖ) are computed
/// through the Cholesky factors, then normalised with log-sum-exp:
/// log p(x) = m + log Σₖ exp(aₖ − m) with m = maxₖ aₖ, and rₖ = exp(aₖ − m) / Σⱼ exp(aⱼ − m).
/// Subtracting the maximum means no sample underflows to 0/0, however far it lies from every
/// component (the notebook's plain pdf gives NaN there).
enum ExpectationStep {
    /// Runs the E-step over `data`. When `responsibilities` is given (N × K, row-major) it is
    /// filled and the sufficient statistics are accumulated; otherwise only the likelihood is
    /// computed. Returns `nil` when some sample's log-likelihood is not finite.
    static func run(data: Dataset, factors: ComponentFactors, work: ChunkedWork,
                    responsibilities: UnsafeMutablePointer<Double>?,
                    logLikelihoods: UnsafeMutablePointer<Double>? = nil) -> ExpectationSummary? {
        let k = factors.components, d = factors.dimension
        let chunks = work.chunkCount
        let wantStats = responsibilities != nil
        var partialLL = [Double](repeating: 0, count: chunks)
        var partialNK = [Double](repeating: 0, count: wantStats ? chunks * k : 0)
        var partialSX = [Double](repeating: 0, count: wantStats ? chunks * k * d : 0)
        var finite = [Bool](repeating: true, count: chunks)

        data.values.withUnsafeBufferPointer { xs in
        factors.means.withUnsafeBufferPointer { mu in
        factors.cholesky.withUnsafeBufferPointer { l in
        factors.inverseDiagonal.withUnsafeBufferPointer { inv in
        factors.logConstant.withUnsafeBufferPointer { lc in
        partialLL.withUnsafeMutableBufferPointer { pLL in
        partialNK.withUnsafeMutableBufferPointer { pNK in
        partialSX.withUnsafeMutableBufferPointer { pSX in
        finite.withUnsafeMutableBufferPointer { pOK in
            guard let xBase = xs.baseAddress, let muB = mu.baseAddress, let lB = l.baseAddress,
                  let invB = inv.baseAddress, let lcB = lc.baseAddress else { return }
            let pLLB = pLL.baseAddress, pNKB = pNK.baseAddress, pSXB = pSX.baseAddress, pOKB = pOK.baseAddress
            work.forEachChunk { chunk, rows in
                let a = UnsafeMutablePointer<Double>.allocate(capacity: k)
                let y = UnsafeMutablePointer<Double>.allocate(capacity: max(d, 1))
                let shifted = UnsafeMutablePointer<Double>.allocate(capacity: k)
                defer { a.deallocate(); y.deallocate(); shifted.deallocate() }
                var ll = 0.0
                var ok = true
                let nk = pNKB.map { $0 + chunk * k }
                let sx = pSXB.map { $0 + chunk * k * d }
                for i in rows {
                    let x = xBase + i * d
                    factors.weightedLogDensities(x, into: a, scratch: y, means: muB, cholesky: lB,
                                                 inverseDiagonal: invB, logConstant: lcB)
                    var m = a[0]
                    for c in 1 ..< k where a[c] > m { m = a[c] }
                    // exp(aₖ − m) for all k: a branch-free loop the compiler vectorises, then
                    // the rare arguments below the fast path's range redone exactly.
                    var far = false
                    for c in 0 ..< k {
                        let t = a[c] - m
                        shifted[c] = t
                        far = far || t < expNormalFloor
                    }
                    for c in 0 ..< k { a[c] = expNonPositiveNormal(max(shifted[c], expNormalFloor)) }
                    if far {
                        for c in 0 ..< k where shifted[c] < expNormalFloor { a[c] = Foundation.exp(shifted[c]) }
                    }
                    var s = 0.0
                    for c in 0 ..< k { s += a[c] }
                    let lse = m + Foundation.log(s)
                    if !lse.isFinite { ok = false }
                    ll += lse
                    logLikelihoods?[i] = lse
                    if let r = responsibilities, let nk, let sx {
                        let inv = 1.0 / s
                        let ri = r + i * k
                        for c in 0 ..< k {
                            let rc = a[c] * inv
                            ri[c] = rc
                            nk[c] += rc
                            for j in 0 ..< d { sx[c * d + j] += rc * x[j] }
                        }
                    }
                }
                pLLB?[chunk] = ll
                pOKB?[chunk] = ok
            }
        }}}}}}}}}

        guard finite.allSatisfy({ $0 }) else { return nil }
        var total = 0.0
        for v in partialLL { total += v }
        var nk = [Double](repeating: 0, count: wantStats ? k : 0)
        var sx = [Double](repeating: 0, count: wantStats ? k * d : 0)
        if wantStats {
            for chunk in 0 ..< chunks {
                for c in 0 ..< k { nk[c] += partialNK[chunk * k + c] }
                for j in 0 ..< k * d { sx[j] += partialSX[chunk * k * d + j] }
            }
        }
        return ExpectationSummary(meanLogLikelihood: total / Double(data.count),
                                  responsibilitySums: nk, weightedSums: sx)
    }
}
