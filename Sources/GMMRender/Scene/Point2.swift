/// A point (or vector) in the plane: data units in a ``Scene``, logical pixels after a
/// ``ViewTransform``.
public struct Point2: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Both coordinates are finite.
    public var isFinite: Bool { x.isFinite && y.isFinite }
}

/// A symmetric 2 × 2 covariance matrix [[xx, xy], [xy, yy]] in data units squared.
public struct Covariance2: Sendable, Hashable {
    public var xx: Double
    public var xy: Double
    public var yy: Double

    public init(xx: Double, xy: Double, yy: Double) {
        self.xx = xx
        self.xy = xy
        self.yy = yy
    }

    /// The identity matrix.
    public static let identity = Covariance2(xx: 1, xy: 0, yy: 1)
}
