/// Each component's responsibility-weighted scatter around its (new) mean,
/// Sₖ = Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ — the sum every covariance type's M-step starts from.
///
/// Two-pass, as scikit-learn's `full` estimate: the scatter is taken around the new means, not
/// as Σ r x xᵀ − Nₖ μ μᵀ, which cancels catastrophically when the data sits far from 0.
/// (scikit-learn's `tied` and `diag` estimates use that one-pass form; the two are the same
/// quantity and agree to round-off on well-scaled data, which the parity tests check to 1e-8.)
///
/// Layout of `values`: with `diagonalOnly` false, K blocks of the upper triangle (j ≤ t) of Sₖ,
/// row by row, D(D+1)/2 numbers each; with `diagonalOnly` true, K × D diagonal entries.
/// Chunks accumulate in sample order and are added in chunk order, so the bits do not depend
/// on the number of threads.
struct WeightedScatter {
    let components: Int
    let dimension: Int
    let diagonalOnly: Bool
    let values: [Double]

    /// Scatters already summed, K × ``stride`` in the layout above.
    init(components: Int, dimension: Int, diagonalOnly: Bool, values: [Double]) {
        self.components = components
        self.dimension = dimension
        self.diagonalOnly = diagonalOnly
        self.values = values
    }

    /// Numbers stored per component.
    var stride: Int { diagonalOnly ? dimension : dimension * (dimension + 1) / 2 }

    /// - Parameters:
    ///   - responsibilities: N × K, row-major.
    ///   - means: K × D, row-major.
    init(data: Dataset, responsibilities: UnsafeBufferPointer<Double>, means: [Double], components k: Int,
         diagonalOnly: Bool, work: ChunkedWork) {
        self.init(data: data, means: means, components: k, diagonalOnly: diagonalOnly, work: work) { rows, x, mu, acc in
            guard let rB = responsibilities.baseAddress else { return }
            if diagonalOnly {
                Self.accumulate(rows: rows, x: x, r: rB, mu: mu, k: k, d: data.dimension, diagonalOnly: true, into: acc)
            } else if data.dimension == 2 {
                Self.accumulateTriangle2(rows: rows, x: x, r: rB, mu: mu, k: k, into: acc)
            } else {
                Self.accumulate(rows: rows, x: x, r: rB, mu: mu, k: k, d: data.dimension, diagonalOnly: false, into: acc)
            }
        }
    }

    /// The scatters of hard responsibilities, rᵢₖ = 1 for k = `labels[i]` and 0 otherwise,
    /// around `means` (K × D): the same sums, chunk by chunk and in sample order, as
    /// ``init(data:responsibilities:means:components:diagonalOnly:work:)`` gives for that
    /// matrix (a term 0·dx·dy adds nothing), without the N × K matrix.
    init<Label: BinaryInteger>(data: Dataset, labels: UnsafeBufferPointer<Label>, means: [Double], components k: Int,
                               diagonalOnly: Bool, work: ChunkedWork) {
        let d = data.dimension
        let tri = diagonalOnly ? d : d * (d + 1) / 2
        self.init(data: data, means: means, components: k, diagonalOnly: diagonalOnly, work: work) { rows, xB, muB, acc in
            for i in rows {
                let c = Int(labels[i])
                let x = xB + i * d, m = muB + c * d
                let out = acc + c * tri
                var idx = 0
                for j in 0 ..< d {
                    let dj = x[j] - m[j]
                    for t in j ..< (diagonalOnly ? j + 1 : d) {
                        out[idx] += dj * (x[t] - m[t])
                        idx += 1
                    }
                }
            }
        }
    }

    /// Sums the scatters chunk by chunk: `accumulate(rows, x, means, acc)` adds the samples
    /// `rows` of the N × D values `x` into the chunk's K × S sums `acc`, and the chunks' sums are
    /// added in chunk order, so the result does not depend on the number of threads.
    private init(data: Dataset, means: [Double], components k: Int, diagonalOnly: Bool, work: ChunkedWork,
                 accumulate: (Range<Int>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void) {
        let d = data.dimension
        let tri = diagonalOnly ? d : d * (d + 1) / 2
        let chunks = work.chunkCount
        var partial = [Double](repeating: 0, count: chunks * k * tri)
        data.values.withUnsafeBufferPointer { xs in
        means.withUnsafeBufferPointer { mu in
        partial.withUnsafeMutableBufferPointer { p in
            guard let xB = xs.baseAddress, let muB = mu.baseAddress, let pB = p.baseAddress else { return }
            work.forEachChunk { _, chunk, rows in accumulate(rows, xB, muB, pB + chunk * k * tri) }
        }}}
        var sums = [Double](repeating: 0, count: k * tri)
        for chunk in 0 ..< chunks {
            for j in 0 ..< k * tri { sums[j] += partial[chunk * k * tri + j] }
        }
        self.components = k
        self.dimension = d
        self.diagonalOnly = diagonalOnly
        self.values = sums
    }

    /// The upper triangle of Sₖ at D = 2, unrolled (the common case): (Σ r dx², Σ r dx dy,
    /// Σ r dy²) per component, for the samples in `rows`.
    @inline(__always)
    private static func accumulateTriangle2(rows: Range<Int>, x xB: UnsafePointer<Double>, r rB: UnsafePointer<Double>,
                                            mu muB: UnsafePointer<Double>, k: Int,
                                            into acc: UnsafeMutablePointer<Double>) {
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
    }

    /// The upper triangle of Sₖ (entries j ≤ t, row by row) or, when `diagonalOnly`, its
    /// diagonal Σᵢ rᵢₖ (xᵢⱼ − μₖⱼ)², for the samples in `rows`. A diagonal entry is
    /// (r·dⱼ)·dⱼ in both layouts.
    @inline(__always)
    private static func accumulate(rows: Range<Int>, x xB: UnsafePointer<Double>, r rB: UnsafePointer<Double>,
                                   mu muB: UnsafePointer<Double>, k: Int, d: Int, diagonalOnly: Bool,
                                   into acc: UnsafeMutablePointer<Double>) {
        let perComponent = diagonalOnly ? d : d * (d + 1) / 2
        let diff = UnsafeMutablePointer<Double>.allocate(capacity: d)
        defer { diff.deallocate() }
        for i in rows {
            let x = xB + i * d
            let r = rB + i * k
            for c in 0 ..< k {
                let rc = r[c]
                let m = muB + c * d
                for j in 0 ..< d { diff[j] = x[j] - m[j] }
                let out = acc + c * perComponent
                var idx = 0
                for j in 0 ..< d {
                    let rdj = rc * diff[j]
                    for t in j ..< (diagonalOnly ? j + 1 : d) {
                        out[idx] += rdj * diff[t]
                        idx += 1
                    }
                }
            }
        }
    }

    /// Entry (j, t) of Sₖ (j ≤ t), from the triangle layout.
    func triangle(_ c: Int, _ j: Int, _ t: Int) -> Double {
        let d = dimension
        // Rows 0..<j of the triangle hold Σ (d − m) = j·d − j(j−1)/2 entries.
        return values[c * stride + j * d - j * (j - 1) / 2 + (t - j)]
    }

    /// Entry (j, j) of Sₖ, from either layout.
    func diagonal(_ c: Int, _ j: Int) -> Double {
        diagonalOnly ? values[c * stride + j] : triangle(c, j, j)
    }
}
