extension Dataset {
    /// A uniform random sample of `size` ≥ 1 of the samples, in their original order, drawn
    /// with `seed`: the rows a ``RowReservoir`` keeps when offered every row in turn, so a
    /// reader streaming the same rows keeps the same ones. The data set itself when it has
    /// `size` samples or fewer.
    ///
    /// - Throws: ``DataError/invalid(_:)`` when `size` is below 1.
    public func uniformSample(size: Int, seed: UInt64) throws -> Dataset {
        var reservoir = try Reservoir(capacity: size, seed: seed)
        guard count > size else { return self }
        for _ in 0 ..< count { _ = reservoir.admit() }
        var out = [Double]()
        out.reserveCapacity(size * dimension)
        for position in reservoir.positions.sorted() {
            out.append(contentsOf: self[sample: position])
        }
        return try Dataset(values: out, dimension: dimension, columnNames: columnNames)
    }
}
