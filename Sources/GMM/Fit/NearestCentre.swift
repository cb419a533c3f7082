/// The nearest-centre search shared by k-means and the seedings.
enum NearestCentre {
    /// ‖a − b‖² over D values.
    @inline(__always)
    static func distanceSquared(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, dimension d: Int) -> Double {
        var s = 0.0
        for j in 0 ..< d {
            let t = a[j] - b[j]
            s += t * t
        }
        return s
    }

    /// The centre nearest to the D values at `x` among the K centres (K × D, row-major) and its
    /// squared distance; ties go to the lower index.
    @inline(__always)
    static func search(_ x: UnsafePointer<Double>, centres: UnsafePointer<Double>, count k: Int,
                       dimension d: Int) -> (index: Int, distance: Double) {
        var best = 0
        var bestDistance = Double.infinity
        for c in 0 ..< k {
            let s = distanceSquared(x, centres + c * d, dimension: d)
            if s < bestDistance { bestDistance = s; best = c }
        }
        return (best, bestDistance)
    }
}
