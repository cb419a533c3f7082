extension ComponentFactors {
    /// The loaded covariances, Σₖ = Lₖ Lₖᵀ from the Cholesky factors (K × D × D): the model
    /// whose E-step the workspace last ran, for an M-step that iterates from it. Equal to the
    /// loaded matrices to rounding.
    func covariances() -> [[[Double]]] {
        let k = components, d = dimension
        return (0 ..< k).map { c in
            let l = cholesky + c * d * d
            var m = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            for i in 0 ..< d {
                for j in 0 ... i {
                    var s = 0.0
                    for t in 0 ... j { s += l[i * d + t] * l[j * d + t] }
                    m[i][j] = s
                    m[j][i] = s
                }
            }
            return m
        }
    }
}
