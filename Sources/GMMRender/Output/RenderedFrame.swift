import GMMImage

/// One drawn frame as it leaves the renderer: everything a later stage needs to write it, and
/// nothing of the renderer that drew it.
///
/// A stage asks only for the parts it uses (``Contents``); the others are empty. Every part is
/// a pure function of the scene and the options, so a frame drawn twice is the same value.
public struct RenderedFrame: Sendable {
    /// What a caller asks ``FrameRenderer/frame(_:contents:)`` to produce.
    public struct Contents: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The pixels (``RenderedFrame/image``).
        public static let pixels = Contents(rawValue: 1 << 0)
        /// The frame as a vector drawing (``RenderedFrame/vector``), for SVG, PDF and decks.
        public static let vector = Contents(rawValue: 1 << 1)
        /// Where each point's centre pixel is (``RenderedFrame/pointCentres``).
        public static let pointCentres = Contents(rawValue: 1 << 2)
        /// The colours of the points (``RenderedFrame/pointFills``).
        public static let pointFills = Contents(rawValue: 1 << 3)
        /// Where each point was placed, for picking points on a page
        /// (``RenderedFrame/placedPoints``).
        public static let placedPoints = Contents(rawValue: 1 << 4)
    }

    /// The frame's logical size and scale.
    public let size: FrameSize
    /// The pixels, `size.deviceWidth × size.deviceHeight` (see `RGBImage` for the layout),
    /// when asked for.
    public let image: RGBImage?
    /// The frame as a drawing that can be written as SVG or PDF, or added to a deck, when asked
    /// for.
    public let vector: VectorFrame?
    /// Offsets (`y · deviceWidth + x`) into ``image``'s pixels of the pixel holding the centre
    /// of each point drawn as a disc on a one-panel frame, as the renderer places it: where the
    /// eye reads how sure the point is of its component, so a palette must keep that pixel's
    /// colour. Empty for density images, hidden points and views of several panels.
    public let pointCentres: [Int]
    /// The distinct 8-bit colours of the points' fills and rims and how many points have each,
    /// most frequent first (ties by colour); empty when points are not drawn as discs.
    public let pointFills: [ColorCount]
    /// Where each point was placed, when asked for.
    public let placedPoints: PlacedPoints?

    public init(size: FrameSize, image: RGBImage? = nil, vector: VectorFrame? = nil, pointCentres: [Int] = [],
                pointFills: [ColorCount] = [], placedPoints: PlacedPoints? = nil) {
        self.size = size
        self.image = image
        self.vector = vector
        self.pointCentres = pointCentres
        self.pointFills = pointFills
        self.placedPoints = placedPoints
    }
}

/// A colour, `0x00RRGGBB`, and how many times it occurs.
public struct ColorCount: Sendable, Hashable {
    public var color: UInt32
    public var count: Int

    public init(color: UInt32, count: Int) {
        self.color = color
        self.count = count
    }
}

/// The points of a frame as placed on it: N data coordinates (the two drawn axes) and, for
/// each, its position in logical pixels, or nil when the point lies outside the plot area (and
/// so is not drawn).
public struct PlacedPoints: Sendable, Equatable {
    /// N points in data units, as projected onto the drawn axes.
    public let coordinates: [Point2]
    /// N logical-pixel positions, nil for a point outside the plot.
    public let positions: [Point2?]

    public init(coordinates: [Point2], positions: [Point2?]) {
        self.coordinates = coordinates
        self.positions = positions
    }
}
