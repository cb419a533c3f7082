/// The per-block arithmetic of the fused E-step, one type per covariance structure, each a
/// set of static functions with one signature (scikit-learn's `_estimate_log_gaussian_prob`
/// branches and its `_estimate_gaussian_covariances_*` sums).
///
/// ``ExpectationStep`` is generic over these types and picks them once per pass, so the
/// covariance type is decided before the loop over samples, never inside it, and each
/// specialisation is straight-line vector code.
///
/// Arguments (all in lanes: one vector holds W = ``samplesPerVector`` samples): `x` D vectors (the
/// block's features), `f` the factors, `a` K outputs, `dx` K × D outputs x − μₖ kept for the
/// statistics, `y` D scratch vectors.
protocol DensityKernel {
    static func logDensities(_ x: UnsafePointer<SampleVector>, _ f: ComponentFactors, _ a: UnsafeMutablePointer<SampleVector>,
                             _ dx: UnsafeMutablePointer<SampleVector>, _ y: UnsafeMutablePointer<SampleVector>)
}

/// The responsibility-weighted sums one block adds: for every component Rₖ += r, the first
/// moments += r·dx and the second moments += r·dx·dxᵀ (their upper triangle or diagonal).
/// `r` K vectors, `dx` K × D, `acc` K × S.
protocol StatisticsKernel {
    static func accumulate(_ r: UnsafePointer<SampleVector>, _ dx: UnsafePointer<SampleVector>, components k: Int, dimension d: Int,
                           _ acc: UnsafeMutablePointer<SampleVector>)
}

/// full and tied at D = 2, unrolled: L = [a 0; b c], y₀ = (x₀ − μ₀)/a, y₁ = (x₁ − μ₁ − b·y₀)/c.
enum TriangularKernel2: DensityKernel {
    @inline(__always)
    static func logDensities(_ x: UnsafePointer<SampleVector>, _ f: ComponentFactors, _ a: UnsafeMutablePointer<SampleVector>,
                             _ dx: UnsafeMutablePointer<SampleVector>, _ y: UnsafeMutablePointer<SampleVector>) {
        let x0 = x[0], x1 = x[1]
        let mu = f.means, l = f.cholesky, inv = f.inverseDiagonal, lc = f.logConstant
        for c in 0 ..< f.components {
            let d0 = x0 - mu[2 * c], d1 = x1 - mu[2 * c + 1]
            let y0 = d0 * inv[2 * c]
            let y1 = (d1 - l[4 * c + 2] * y0) * inv[2 * c + 1]
            a[c] = lc[c] - 0.5 * (y0 * y0 + y1 * y1)
            dx[2 * c] = d0
            dx[2 * c + 1] = d1
        }
    }
}

/// The frame the kernels for any D share: for every component c, dx = x − μ_c is stored and
/// a_c = logConstant_c − ½·`scale`(c, Σⱼ yⱼ²), where yⱼ = `whiten`(c, j, xⱼ − μ_cj) is called
/// for j = 0, 1, … in order (so a forward substitution may read the y it wrote before).
@inline(__always)
private func quadraticForms(_ x: UnsafePointer<SampleVector>, _ f: ComponentFactors, _ a: UnsafeMutablePointer<SampleVector>,
                            _ dx: UnsafeMutablePointer<SampleVector>,
                            whiten: (_ c: Int, _ j: Int, _ dj: SampleVector) -> SampleVector,
                            scale: (_ c: Int, _ sumOfSquares: SampleVector) -> SampleVector = { $1 }) {
    let d = f.dimension
    for c in 0 ..< f.components {
        let m = f.means + c * d, dk = dx + c * d
        var quad = SampleVector()
        for j in 0 ..< d {
            let dj = x[j] - m[j]
            dk[j] = dj
            let yj = whiten(c, j, dj)
            quad += yj * yj
        }
        a[c] = f.logConstant[c] - 0.5 * scale(c, quad)
    }
}

/// full and tied for any D: the forward substitution y = L⁻¹(x − μ) for a whole block at once.
///
/// This is a blocked triangular solve (a TRSM of the D × D factor against D × W right-hand
/// sides): each entry Lⱼₜ is loaded once and applied to W samples, and the row j of the solve
/// is a chain of vector multiply-adds with no division (1/Lⱼⱼ is precomputed).
enum TriangularKernel: DensityKernel {
    @inline(__always)
    static func logDensities(_ x: UnsafePointer<SampleVector>, _ f: ComponentFactors, _ a: UnsafeMutablePointer<SampleVector>,
                             _ dx: UnsafeMutablePointer<SampleVector>, _ y: UnsafeMutablePointer<SampleVector>) {
        let d = f.dimension
        quadraticForms(x, f, a, dx, whiten: { c, j, dj in
            var s = dj
            let row = f.cholesky + c * d * d + j * d
            for t in 0 ..< j { s -= row[t] * y[t] }
            let yj = s * f.inverseDiagonal[c * d + j]
            y[j] = yj
            return yj
        })
    }
}

/// A dimension known at compile time: the kernels specialised for it unroll their loops over
/// features. (A protocol with a constant rather than an integer generic parameter, which Apple
/// platforms support only from their 2025 releases.)
protocol FixedDimension {
    static var value: Int { get }
}

enum Dimension3: FixedDimension { static var value: Int { 3 } }
enum Dimension4: FixedDimension { static var value: Int { 4 } }
enum Dimension5: FixedDimension { static var value: Int { 5 } }
enum Dimension6: FixedDimension { static var value: Int { 6 } }
enum Dimension7: FixedDimension { static var value: Int { 7 } }
enum Dimension8: FixedDimension { static var value: Int { 8 } }

/// full and tied for a dimension fixed at compile time (3 … 8): the same solve as
/// ``TriangularKernel``, operation for operation. With D a constant, the loops unroll into
/// straight-line code over D vectors that the compiler schedules across rows.
enum FixedTriangularKernel<Dimension: FixedDimension>: DensityKernel {
    @inline(__always)
    static func logDensities(_ x: UnsafePointer<SampleVector>, _ f: ComponentFactors, _ a: UnsafeMutablePointer<SampleVector>,
                             _ dx: UnsafeMutablePointer<SampleVector>, _ y: UnsafeMutablePointer<SampleVector>) {
        let d = Dimension.value
        for c in 0 ..< f.components {
            let m = f.means + c * d, l = f.cholesky + c * d * d, inv = f.inverseDiagonal + c * d, dk = dx + c * d
            var quad = SampleVector()
            for j in 0 ..< d {
                var s = x[j] - m[j]
                dk[j] = s
                let row = l + j * d
                for t in 0 ..< j { s -= row[t] * y[t] }
                let yj = s * inv[j]
                y[j] = yj
                quad += yj * yj
            }
            a[c] = f.logConstant[c] - 0.5 * quad
        }
    }
}

/// The upper triangle of the second moments for a dimension fixed at compile time, so that
/// the loops over features unroll.
enum FixedTriangleStatistics<Dimension: FixedDimension>: StatisticsKernel {
    @inline(__always)
    static func accumulate(_ r: UnsafePointer<SampleVector>, _ dx: UnsafePointer<SampleVector>, components k: Int, dimension d: Int,
                           _ acc: UnsafeMutablePointer<SampleVector>) {
        accumulateMoments(r, dx, components: k, dimension: Dimension.value, diagonalOnly: false, acc)
    }
}

/// diag: Σⱼ ((xⱼ − μⱼ)/σⱼ)², no substitution.
enum DiagonalKernel: DensityKernel {
    @inline(__always)
    static func logDensities(_ x: UnsafePointer<SampleVector>, _ f: ComponentFactors, _ a: UnsafeMutablePointer<SampleVector>,
                             _ dx: UnsafeMutablePointer<SampleVector>, _ y: UnsafeMutablePointer<SampleVector>) {
        let d = f.dimension
        quadraticForms(x, f, a, dx, whiten: { c, j, dj in dj * f.inverseDiagonal[c * d + j] })
    }
}

/// spherical: ‖x − μ‖² / σ², one scaling per component.
enum SphericalKernel: DensityKernel {
    @inline(__always)
    static func logDensities(_ x: UnsafePointer<SampleVector>, _ f: ComponentFactors, _ a: UnsafeMutablePointer<SampleVector>,
                             _ dx: UnsafeMutablePointer<SampleVector>, _ y: UnsafeMutablePointer<SampleVector>) {
        let d = f.dimension
        quadraticForms(x, f, a, dx, whiten: { _, _, dj in dj }, scale: { c, s in
            let inv = f.inverseDiagonal[c * d]
            return s * (inv * inv)
        })
    }
}

/// The upper triangle of the second moments at D = 2, unrolled: (R, Σr·dx, Σr·dy, Σr·dx²,
/// Σr·dx·dy, Σr·dy²) per component.
enum TriangleStatistics2: StatisticsKernel {
    @inline(__always)
    static func accumulate(_ r: UnsafePointer<SampleVector>, _ dx: UnsafePointer<SampleVector>, components k: Int, dimension d: Int,
                           _ acc: UnsafeMutablePointer<SampleVector>) {
        for c in 0 ..< k {
            let rc = r[c], d0 = dx[2 * c], d1 = dx[2 * c + 1]
            let r0 = rc * d0, r1 = rc * d1
            let o = acc + 6 * c
            o[0] += rc
            o[1] += r0
            o[2] += r1
            o[3] += r0 * d0
            o[4] += r0 * d1
            o[5] += r1 * d1
        }
    }
}

/// The frame of the statistics kernels for any D: per component Rₖ, the D first moments, then
/// the second moments Σ r·dxⱼ·dxₜ row by row for t in j ..< D, or only t = j when
/// `diagonalOnly` (a constant at every call, so each caller compiles to its own loop).
@inline(__always)
private func accumulateMoments(_ r: UnsafePointer<SampleVector>, _ dx: UnsafePointer<SampleVector>, components k: Int, dimension d: Int,
                               diagonalOnly: Bool, _ acc: UnsafeMutablePointer<SampleVector>) {
    let stride = 1 + d + (diagonalOnly ? d : d * (d + 1) / 2)
    for c in 0 ..< k {
        let rc = r[c], dk = dx + c * d
        let o = acc + c * stride
        o[0] += rc
        var idx = 1 + d
        for j in 0 ..< d {
            let rj = rc * dk[j]
            o[1 + j] += rj
            for t in j ..< (diagonalOnly ? j + 1 : d) {
                o[idx] += rj * dk[t]
                idx += 1
            }
        }
    }
}

/// The upper triangle of the second moments for any D, row by row.
enum TriangleStatistics: StatisticsKernel {
    @inline(__always)
    static func accumulate(_ r: UnsafePointer<SampleVector>, _ dx: UnsafePointer<SampleVector>, components k: Int, dimension d: Int,
                           _ acc: UnsafeMutablePointer<SampleVector>) {
        accumulateMoments(r, dx, components: k, dimension: d, diagonalOnly: false, acc)
    }
}

/// The diagonal of the second moments (diag and spherical need nothing else).
enum DiagonalStatistics: StatisticsKernel {
    @inline(__always)
    static func accumulate(_ r: UnsafePointer<SampleVector>, _ dx: UnsafePointer<SampleVector>, components k: Int, dimension d: Int,
                           _ acc: UnsafeMutablePointer<SampleVector>) {
        accumulateMoments(r, dx, components: k, dimension: d, diagonalOnly: true, acc)
    }
}
