import GMM

/// How many points of a data set a fixed data window of the 2-D view leaves out, so a caller
/// can suggest fitting the window to the data (a window chosen for one data set rarely suits
/// another).
public struct WindowCoverage: Sendable, Equatable {
    /// Points outside the window, on either axis (a point on the window's edge is inside).
    public let outside: Int
    /// Points in the data set, N.
    public let total: Int
    /// The window, in data units.
    public let xmin: Double, xmax: Double, ymin: Double, ymax: Double

    /// Whether more than half of the points fall outside the window.
    public var missesMost: Bool { outside * 2 > total }
}

extension RenderOptions {
    /// How many of `data`'s points the window leaves out, counted on ``axes``; `nil` unless the
    /// view is ``FrameView/plane`` with ``Bounds/fixed(xmin:xmax:ymin:ymax:)`` bounds (other
    /// views and automatic bounds fit the data). The axes must be columns of `data`, as
    /// ``validate(dimension:)`` checks.
    public func windowCoverage(of data: Dataset) -> WindowCoverage? {
        guard case let .fixed(xmin, xmax, ymin, ymax) = bounds, view == .plane,
              axes.x < data.dimension, axes.y < data.dimension else { return nil }
        var outside = 0
        for n in 0 ..< data.count {
            let row = data[sample: n]
            let x = row[row.startIndex + axes.x], y = row[row.startIndex + axes.y]
            if x < xmin || x > xmax || y < ymin || y > ymax { outside += 1 }
        }
        return WindowCoverage(outside: outside, total: data.count, xmin: xmin, xmax: xmax, ymin: ymin, ymax: ymax)
    }
}
