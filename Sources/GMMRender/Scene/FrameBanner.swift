/// A notice drawn across the plot of a frame, for what the picture alone cannot say: why the
/// fit stopped there, say. The caller words it (a command line names its own flags); the frame
/// draws it boxed, with the named component's colour beside the headline.
public struct FrameBanner: Sendable, Equatable {
    /// The component the notice is about, 0-based, shown by a swatch of its colour; nil for none.
    public var component: Int?
    /// The first line, in bold: what happened.
    public var headline: String
    /// What follows, wrapped to the banner's width: the facts and what to change.
    public var detail: String

    public init(component: Int?, headline: String, detail: String) {
        self.component = component
        self.headline = headline
        self.detail = detail
    }
}
