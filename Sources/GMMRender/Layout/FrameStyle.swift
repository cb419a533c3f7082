/// Every size on a frame — fonts, pen widths, marker and point radii, margins — as a multiple
/// of one unit, 1/600 of the frame's smaller side.
///
/// The default 1000 × 600 frame has a unit of one logical pixel, so its sizes read as pixels; a
/// 1920 × 1080 slide has a unit of 1.8 and is the same picture, sharper. The smallest text on
/// the frame is 12.5 units: DejaVu Sans's digits and capitals are 0.73 em tall, so every label
/// is at least 9.1 units high, which on a 1080-pixel slide shrunk to 960 × 540 is still 8.2
/// pixels. Tick labels are 13.5 units, 0.91 % of the frame height as digit height at 600 and
/// 1.64 % at 1080: legible from the back of a lecture hall.
public struct FrameStyle: Sendable, Equatable {
    /// Logical pixels per unit.
    public let unit: Double

    /// The style of a `width` × `height` frame.
    public init(width: Double, height: Double) {
        unit = max(min(width, height), 1) / 600
    }

    public init(options: RenderOptions) {
        self.init(width: Double(options.width), height: Double(options.height))
    }

    /// `v` units in logical pixels.
    public func px(_ v: Double) -> Double { v * unit }

    public var titleFont: Double { 18 * unit }
    public var headerFont: Double { 14 * unit }
    public var noteFont: Double { 13 * unit }
    public var tickFont: Double { 13.5 * unit }
    public var axisLabelFont: Double { 14 * unit }
    public var panelHeadingFont: Double { 13.5 * unit }
    /// Legend, key and inset labels: the smallest text on the frame.
    public var panelFont: Double { 12.5 * unit }
}
