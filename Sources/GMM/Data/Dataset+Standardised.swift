extension Dataset {
    /// Every column centred on its mean and divided by its standard deviation (N in the
    /// denominator, numpy's default); a constant column is only centred. N × D, row-major.
    func standardised() -> Dataset {
        let n = count, d = dimension
        var z = values
        for j in 0 ..< d {
            var s = 0.0
            for i in 0 ..< n { s += values[i * d + j] }
            let mean = s / Double(n)
            var ss = 0.0
            for i in 0 ..< n { let x = values[i * d + j] - mean; ss += x * x }
            let sd = (ss / Double(n)).squareRoot()
            let scale = sd > 0 && sd.isFinite ? 1 / sd : 1
            for i in 0 ..< n { z[i * d + j] = (values[i * d + j] - mean) * scale }
        }
        return (try? Dataset(values: z, dimension: d, columnNames: columnNames)) ?? self
    }
}
