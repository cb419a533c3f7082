/// The M-step of scikit-learn's `full` covariance type.
///
/// Nₖ = Σᵢ rᵢₖ + 10·ε (ε = 2.2e-16; the tiny floor keeps an emptied component from dividing by
/// zero, exactly as scikit-learn does), μₖ = Σᵢ rᵢₖ xᵢ / Nₖ,
/// Σₖ = Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / Nₖ + reg_covar·I, πₖ = Nₖ / Σⱼ Nⱼ.
/// The scatter is taken around the *new* means in a second pass (two-pass, as scikit-learn),
/// not as Σ r x xᵀ − N μ μᵀ, which cancels catastrophically when the data sits far from 0.
enum MaximizationStep {
    static func run(data: Dataset, responsibilities: UnsafeBufferPointer<Double>, summary: ExpectationSummary,
                    components k: Int, regCovar: Double, work: ChunkedWork) -> MixtureParameters {
        let d = data.dimension
        let floor = 10 * Double.ulpOfOne
        let nk = summary.responsibilitySums.map { $0 + floor }
        var means = [Double](repeating: 0, count: k * d)
        for c in 0 ..< k {
            for j in 0 ..< d { means[c * d + j] = summary.weightedSums[c * d + j] / nk[c] }
        }

        // Upper triangle (j ≤ t) of each component's weighted scatter, per chunk.
        let tri = d * (d + 1) / 2
        let chunks = work.chunkCount
        var partial = [Double](repeating: 0, count: chunks * k * tri)
        data.values.withUnsafeBufferPointer { xs in
        means.withUnsafeBufferPointer { mu in
        partial.withUnsafeMutableBufferPointer { p in
            guard let xB = xs.baseAddress, let muB = mu.baseAddress, let pB = p.baseAddress,
                  let rB = responsibilities.baseAddress else { return }
            work.forEachChunk { chunk, rows in
                let diff = UnsafeMutablePointer<Double>.allocate(capacity: d)
                defer { diff.deallocate() }
                let acc = pB + chunk * k * tri
                if d == 2 {
                    // The common case, unrolled: (Σ r dx², Σ r dx dy, Σ r dy²) per component.
                    for i in rows {
                        let x0 = xB[2 * i], x1 = xB[2 * i + 1]
                        let r = rB + i * k
                        for c in 0 ..< k {
                            let dx = x0 - muB[2 * c], dy = x1 - muB[2 * c + 1]
                            let rdx = r[c] * dx
                            let out = acc + 3 * c
                            out[0] += rdx * dx
                            out[1] += rdx * dy
                            out[2] += r[c] * dy * dy
                        }
                    }
                    return
                }
                for i in rows {
                    let x = xB + i * d
                    let r = rB + i * k
                    for c in 0 ..< k {
                        let rc = r[c]
                        let m = muB + c * d
                        for j in 0 ..< d { diff[j] = x[j] - m[j] }
                        let out = acc + c * tri
                        var idx = 0
                        for j in 0 ..< d {
                            let rdj = rc * diff[j]
                            for t in j ..< d {
                                out[idx] += rdj * diff[t]
                                idx += 1
                            }
                        }
                    }
                }
            }
        }}}

        var scatter = [Double](repeating: 0, count: k * tri)
        for chunk in 0 ..< chunks {
            for j in 0 ..< k * tri { scatter[j] += partial[chunk * k * tri + j] }
        }
        var covariances = [[[Double]]]()
        covariances.reserveCapacity(k)
        for c in 0 ..< k {
            var cov = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            var idx = 0
            for j in 0 ..< d {
                for t in j ..< d {
                    let v = scatter[c * tri + idx] / nk[c]
                    cov[j][t] = v
                    cov[t][j] = v
                    idx += 1
                }
                cov[j][j] += regCovar
            }
            covariances.append(cov)
        }
        var total = 0.0
        for v in nk { total += v }
        return MixtureParameters(weights: nk.map { $0 / total },
                                 means: (0 ..< k).map { Array(means[($0 * d) ..< (($0 + 1) * d)]) },
                                 covariances: covariances)
    }
}
