/// How the headings over a gallery's panels are set, planned from their character counts
/// (``FrameStyle/meanAdvance``; the drawing narrows a line the plan underestimated): K in bold
/// at the header's size (at most ``nameRatio`` times the numbers' size), then the BIC, the
/// log-likelihood and the type at the note's size on the fewest lines
/// (``GalleryHeading/lines(_:)``) whose longest fits the panel's width, or on one line each in
/// a size narrowed until the longest fits.
public struct HeadingPlan: Sendable, Equatable {
    /// The size of the bold K line.
    public let nameFont: Double
    /// The size of the BIC and detail lines.
    public let detailFont: Double
    /// The lines under K: 1 when the BIC, the log-likelihood and the type share a line, up to
    /// one for each (``GalleryHeading/lines(_:)``).
    public let detailLines: Int
    /// The height over a cell that the heading takes, with a gap above the cell.
    public let room: Double

    public init(headings: [GalleryHeading], width: Double, style: FrameStyle) {
        let advance = FrameStyle.meanAdvance
        let longestName = Double(headings.map(\.name.count).max() ?? 1)
        // The fewest lines whose longest fits at the note's size, else the most, narrowed.
        let most = headings.map(\.maxLines).max() ?? 1
        func longest(_ lines: Int) -> Double { Double(headings.flatMap { $0.lines(lines) }.map(\.count).max() ?? 1) }
        let fitting = (1 ... most).first { longest($0) * advance * style.noteFont <= width }
        detailLines = fitting ?? most
        detailFont = fitting == nil ? min(style.noteFont, width / (advance * longest(most))) : style.noteFont
        // K stands out, but not so far that the numbers under it read as footnotes.
        nameFont = min(style.headerFont, width / (advance * longestName), Self.nameRatio * detailFont)
        room = (Self.nameLeading * nameFont + Double(detailLines) * Self.detailLeading * detailFont + 0.45 * style.noteFont).rounded(.up)
    }

    /// The largest ratio of K's size to the numbers': 1.4.
    public static let nameRatio = 1.4
    /// The height of the K line, in its font sizes.
    public static let nameLeading = 1.2
    /// The height of a BIC or detail line, in their font sizes.
    public static let detailLeading = 1.3
}
