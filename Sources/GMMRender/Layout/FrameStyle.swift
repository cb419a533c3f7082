/// Every size on a frame — fonts, pen widths, marker and point radii, margins — as a multiple
/// of one unit, 1/600 of the frame's smaller side, with text enlarged by the text scale.
///
/// The default 1000 × 600 frame has a unit of one logical pixel and a text scale of 1, so its
/// sizes read as pixels. Strokes, points and markers follow the unit alone: a 1920 × 1080 slide
/// (unit 1.8) is the same drawing, sharper. Text follows the unit times ``textScale``, because a
/// slide is read from further away than a screen: the slide presets use
/// ``RenderOptions/slideTextScale``, which makes captions and tick labels at least 3.5 % of the
/// frame's height as cap height (DejaVu Sans's digits and capitals are 0.729 em tall), readable
/// from the back of a lecture hall.
///
/// The title and the side column's text grow more slowly than the rest (``panelGrowth``): the
/// title is bold and large already, the column is read at leisure, and at the full scale the key
/// alone would fill the column. The layout lowers the column's growth further when its pieces
/// would not fit otherwise.
public struct FrameStyle: Sendable, Equatable {
    /// Logical pixels per unit: strokes, points, margins.
    public let unit: Double
    /// How much larger than the default frame's text the text is, relative to the unit.
    public let textScale: Double
    /// The share of the extra text scale that the side column's text takes, 0…1.
    public let panelGrowth: Double

    /// The side column's share of the extra text scale when it has room: 0.45.
    public static let panelGrowthLimit = 0.45

    /// The style of a `width` × `height` frame with text scaled by `textScale`, the side
    /// column's by `panelGrowth` of the extra.
    public init(width: Double, height: Double, textScale: Double = 1, panelGrowth: Double = FrameStyle.panelGrowthLimit) {
        unit = max(min(width, height), 1) / 600
        self.textScale = textScale.isFinite && textScale > 0 ? textScale : 1
        self.panelGrowth = min(max(panelGrowth, 0), 1)
    }

    public init(options: RenderOptions) {
        self.init(width: Double(options.width), height: Double(options.height), textScale: options.textScale)
    }

    /// `v` units in logical pixels.
    public func px(_ v: Double) -> Double { v * unit }

    /// Logical pixels per unit of the plot's text: title, header, note, ticks, axis names.
    public var textUnit: Double { unit * textScale }
    /// Logical pixels per unit of the side column's text: ``panelGrowth`` of the extra scale.
    public var panelTextUnit: Double { unit * (1 + panelGrowth * (textScale - 1)) }

    /// The title: bold, and never smaller than the header under it.
    public var titleFont: Double { max(18 * unit * (1 + 0.3 * (textScale - 1)), headerFont) }
    public var headerFont: Double { 14 * textUnit }
    public var noteFont: Double { 13 * textUnit }
    public var tickFont: Double { 13.5 * textUnit }
    public var axisLabelFont: Double { 14 * textUnit }
    public var panelHeadingFont: Double { 13.5 * panelTextUnit }
    /// Legend, key and inset labels: the smallest text on the frame.
    public var panelFont: Double { 12.5 * panelTextUnit }

    /// Cap height of DejaVu Sans (capitals and digits), as a fraction of the font size.
    public static let capHeight = 0.729
    /// A conservative mean advance of DejaVu Sans text, as a fraction of the font size: digits
    /// are 0.636 em, lower-case letters 0.5–0.63 em, a space 0.318 em. Used to plan room for
    /// text before it is drawn; the drawing measures the real width.
    public static let meanAdvance = 0.6
}
