import GMM

/// The points of a scene on the drawing plane, N of them, read by index.
///
/// Either stored (a scene made from a list of points) or projected on demand from a data set:
/// point i is then the projection of row i, computed when it is read with the same arithmetic
/// as a stored projection, so both give the same bits. A builder's scenes share one projected
/// cloud, which costs nothing per point: drawing 10⁸ points never holds a second copy of them
/// (1.6 GB at two coordinates of eight bytes each).
///
/// The extent of the finite points is computed once, when the cloud is made.
public struct PointCloud: RandomAccessCollection, Sendable, Equatable {
    enum Storage: Sendable {
        case stored([Point2])
        case projected(Dataset, Projection)
    }

    let storage: Storage
    /// The smallest and largest finite coordinates, `nil` without finite points.
    public let extent: (x: ClosedRange<Double>, y: ClosedRange<Double>)?

    /// The given points.
    public init(_ points: [Point2]) {
        storage = .stored(points)
        var bounds = Bounds()
        bounds.include(points)
        extent = bounds.extent
    }

    /// The rows of `data` projected by `projection`.
    init(data: Dataset, projection: Projection) {
        storage = .projected(data, projection)
        // Block by block, so no copy of all the points is made.
        var bounds = Bounds()
        for rows in DeferredResponsibilities.blocks(data.count) { bounds.include(projection.points(data, rows: rows)) }
        extent = bounds.extent
    }

    /// Clouds are equal when they hold the same points in the same order.
    public static func == (a: PointCloud, b: PointCloud) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    /// The first point's index, 0.
    public var startIndex: Int { 0 }

    /// N, one past the last point's index.
    public var endIndex: Int {
        switch storage {
        case let .stored(points): return points.count
        case let .projected(data, _): return data.count
        }
    }

    /// Point `i`, in data units of the drawn axes.
    public subscript(i: Int) -> Point2 {
        switch storage {
        case let .stored(points): return points[i]
        case let .projected(data, projection): return projection.point(row: i, of: data)
        }
    }

    /// The data set the points are projected from, if they are.
    var source: Dataset? {
        if case let .projected(data, _) = storage { return data }
        return nil
    }

    /// Calls `body` with the points `rows` in a buffer: a slice of the stored points, or the rows
    /// projected into a buffer of their own (call it on blocks, not on all of a large cloud).
    public func withPoints<T>(_ rows: Range<Int>, _ body: (UnsafeBufferPointer<Point2>) throws -> T) rethrows -> T {
        switch storage {
        case let .stored(points):
            return try points.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[rows])) }
        case let .projected(data, projection):
            let block = projection.points(data, rows: rows)
            return try block.withUnsafeBufferPointer(body)
        }
    }

    /// The points as an array (N values; for the few callers that hand them on).
    public var array: [Point2] {
        if case let .stored(points) = storage { return points }
        return Array(self)
    }

    /// The smallest and largest finite coordinates of the points included so far.
    private struct Bounds {
        var xs = (lo: Double.infinity, hi: -Double.infinity), ys = (lo: Double.infinity, hi: -Double.infinity)

        mutating func include(_ points: [Point2]) {
            for p in points where p.isFinite {
                xs = (Swift.min(xs.lo, p.x), Swift.max(xs.hi, p.x))
                ys = (Swift.min(ys.lo, p.y), Swift.max(ys.hi, p.y))
            }
        }

        var extent: (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
            guard xs.lo <= xs.hi, ys.lo <= ys.hi else { return nil }
            return (xs.lo ... xs.hi, ys.lo ... ys.hi)
        }
    }
}

extension Projection {
    /// Row `i` of `data` projected: the same bits as ``points(_:)`` gives it.
    @inline(__always)
    func point(row i: Int, of data: Dataset) -> Point2 {
        let d = data.dimension
        guard map != nil else {
            return data.values.withUnsafeBufferPointer { v in Point2(x: v[i * d + axes.x], y: v[i * d + axes.y]) }
        }
        return point(data[sample: i])
    }
}
