extension RenderOptions {
    /// The smallest ``scale``: a quarter of a device pixel per logical pixel.
    public static let minScale = 0.25

    /// Checks every option, and the axes against the data's dimension when given.
    ///
    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` naming the first bad option,
    ///   ``RenderError/sameAxes(column:)``, or for the view and the axes against the data
    ///   ``RenderError/tooFewColumns(view:columns:minimum:)``,
    ///   ``RenderError/missingColumn(view:column:columns:)`` and
    ///   ``RenderError/tooManyColumns(view:columns:maximum:)``.
    public func validate(dimension: Int? = nil) throws {
        func bad(_ parameter: RenderParameter, _ value: String, _ fix: String) -> RenderError {
            .invalidOption(parameter, value: value, fix: fix)
        }
        guard width >= 32, height >= 32 else {
            throw bad(.size, "\(width)x\(height)", "width and height must each be at least 32 pixels, e.g. 1000x600")
        }
        // Below a quarter, text and strokes fall under a device pixel, and a tiny factor would
        // round the frame to no pixels at all.
        guard scale.isFinite, scale >= Self.minScale, scale <= 8 else {
            throw bad(.scale, "\(scale)", "use a factor from \(Self.minScale) to 8, e.g. 2 for high-DPI output")
        }
        guard width <= Self.maxSide, height <= Self.maxSide,
              deviceWidth <= Self.maxSide, deviceHeight <= Self.maxSide else {
            throw bad(.size, "\(width)x\(height) at scale \(scale)",
                      "each side must be at most \(Self.maxSide) device pixels")
        }
        guard deviceWidth * deviceHeight <= Self.maxPixels else {
            throw bad(.size, "\(width)x\(height) at scale \(scale)",
                      "a frame may hold at most \(Self.maxPixels / (1 << 20)) Mpx; reduce the size or the scale")
        }
        if case let .fixed(xmin, xmax, ymin, ymax) = bounds {
            let text = "\(xmin),\(xmax),\(ymin),\(ymax)"
            guard [xmin, xmax, ymin, ymax].allSatisfy(\.isFinite) else {
                throw bad(.bounds, text, "every bound must be a finite number")
            }
            guard xmin < xmax, ymin < ymax else {
                throw bad(.bounds, text, "give xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax, e.g. -10,10,-10,10")
            }
            // Both ends finite but their span overflows a double: no pixel size can be computed.
            guard (xmax - xmin).isFinite, (ymax - ymin).isFinite else {
                throw bad(.bounds, text, "the window's width or height overflows a double (over 1.8e308); give bounds whose span is finite, e.g. -1e307,1e307")
            }
        }
        if let s = sigmas.first(where: { !($0.isFinite && $0 > 0 && $0 <= 10) }) {
            throw bad(.sigmas, "\(s)", "each standard deviation must be greater than 0 and at most 10, e.g. 1,2")
        }
        guard sigmas.count <= 8 else {
            throw bad(.sigmas, "\(sigmas.count) values", "give at most 8 standard deviations")
        }
        guard axes.x >= 0, axes.y >= 0 else {
            throw bad(.axes, "\(axes.x),\(axes.y)", "columns are counted from 0 here and cannot be negative")
        }
        guard axes.x != axes.y else { throw RenderError.sameAxes(column: axes.x) }
        try validateView(dimension: dimension)
        if let dimension, view == .plane {
            guard dimension >= 2 else { throw RenderError.tooFewColumns(view: .plane, columns: dimension, minimum: 2) }
            if let missing = [axes.x, axes.y].first(where: { $0 >= dimension }) {
                throw RenderError.missingColumn(view: .plane, column: missing, columns: dimension)
            }
        }
        guard textScale.isFinite, Self.textScaleRange.contains(textScale) else {
            throw bad(.textScale, "\(textScale)", "use a factor from \(Self.textScaleRange.lowerBound) to \(Self.textScaleRange.upperBound), e.g. \(Self.slideTextScale) as the slide presets do")
        }
        guard pointRadius.isFinite, pointRadius >= 0, pointRadius <= 50 else {
            throw bad(.pointRadius, "\(pointRadius)", "use a radius between 0 and 50 pixels")
        }
        guard pins.count <= Self.maxPins else {
            throw bad(.pins, "\(pins.count) points", "pin at most \(Self.maxPins) points")
        }
        if let negative = pins.first(where: { $0 < 0 }) {
            throw bad(.pins, "\(negative)", "points are counted from 0 here and cannot be negative")
        }
        guard Set(pins).count == pins.count else {
            throw bad(.pins, pins.map(String.init).joined(separator: ","), "name each point once")
        }
    }

    /// Checks ``pins`` against the number of points drawn.
    ///
    /// - Throws: ``RenderError/missingPoint(point:points:)`` for the first pinned point that
    ///   is not in the data.
    public func validatePins(points: Int) throws {
        if let missing = pins.first(where: { $0 >= points }) {
            throw RenderError.missingPoint(point: missing, points: points)
        }
    }
}
