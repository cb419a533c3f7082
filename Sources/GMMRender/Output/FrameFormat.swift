/// The file formats a frame can be written in.
public enum FrameFormat: String, Sendable, CaseIterable {
    /// Raster, at the options' size × scale.
    case png
    /// Vector, in px units, for the web.
    case svg
    /// Vector, one page in points (1 px = 1 pt), for slides; no creation date.
    case pdf

    /// The usual file extension, without the dot.
    public var fileExtension: String { rawValue }
}
