import GMM

/// Responsibilities that a scene computes when it is drawn, a block of points at a time, instead
/// of holding N × K of them.
///
/// A density image needs each point's responsibilities once, to add them to its pixel: computed
/// in blocks straight into the pixel sums, a frame of 10⁸ points costs one E-step and holds a
/// block (``blockSize`` × K numbers), where a stored matrix would take 4 GB at K = 5. The values
/// are those of `responsibilities(of:under:)` bit for bit, so a frame drawn either way is the
/// same.
public struct DeferredResponsibilities: Sendable, Equatable {
    /// Points per block: 64 Ki points of K ≤ 8 components are at most 4 MiB.
    public static let blockSize = 1 << 16

    /// The data set the points were projected from, N × D.
    public let data: Dataset
    /// The model whose responsibilities colour the points.
    public let model: MixtureModel
    /// For a frame between two snapshots: the second model and the fraction of the way to it;
    /// the responsibilities are then r + (r′ − r)·fraction, point by point.
    public let toward: (model: MixtureModel, fraction: Double)?

    /// The responsibilities of `data` under `parameters`, or on the way from them to
    /// `toward`'s parameters.
    ///
    /// - Throws: when the parameters are not a valid mixture.
    public init(data: Dataset, parameters: MixtureParameters, toward: (parameters: MixtureParameters, fraction: Double)? = nil) throws {
        self.data = data
        model = try MixtureModel(parameters)
        self.toward = try toward.map { (try MixtureModel($0.parameters), $0.fraction) }
    }

    /// Equal when they compute the same responsibilities: the same data, parameters and fraction.
    public static func == (a: DeferredResponsibilities, b: DeferredResponsibilities) -> Bool {
        a.model.parameters == b.model.parameters && a.toward?.model.parameters == b.toward?.model.parameters
            && a.toward?.fraction == b.toward?.fraction && a.data == b.data
    }

    /// The ranges of at most ``blockSize`` rows that cover `0 ..< count`, in order.
    public static func blocks(_ count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: blockSize).map { $0 ..< Swift.min(count, $0 + blockSize) }
    }

    /// The responsibilities of the points `rows`, `rows.count` × K row-major.
    public func block(_ rows: Range<Int>) throws -> [Double] {
        var r = [Double](repeating: 0, count: rows.count * model.components)
        var other = [Double](repeating: 0, count: toward == nil ? 0 : r.count)
        try fill(rows, &r, &other)
        return r
    }

    /// Calls `body` with each block of rows and its responsibilities, in row order. The
    /// blocks share two buffers, allocated once per call.
    public func forEachBlock(_ body: (Range<Int>, UnsafeBufferPointer<Double>) throws -> Void) throws {
        let size = Swift.min(Self.blockSize, data.count) * model.components
        var r = [Double](repeating: 0, count: size)
        var other = [Double](repeating: 0, count: toward == nil ? 0 : size)
        for rows in Self.blocks(data.count) {
            try fill(rows, &r, &other)
            try r.withUnsafeBufferPointer { try body(rows, UnsafeBufferPointer(rebasing: $0[0 ..< rows.count * model.components])) }
        }
    }

    /// Writes the responsibilities of `rows` into the front of `r`, using `other` (as large,
    /// or empty without ``toward``) for the second model's: r + (r′ − r)·fraction.
    private func fill(_ rows: Range<Int>, _ r: inout [Double], _ other: inout [Double]) throws {
        try r.withUnsafeMutableBufferPointer { r in
            try model.responsibilities(for: data, rows: rows, into: r)
            guard let toward else { return }
            try other.withUnsafeMutableBufferPointer { o in
                try toward.model.responsibilities(for: data, rows: rows, into: o)
                let f = toward.fraction
                for j in 0 ..< rows.count * model.components { r[j] = r[j] + (o[j] - r[j]) * f }
            }
        }
    }
}
