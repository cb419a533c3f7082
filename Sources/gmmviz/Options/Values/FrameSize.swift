import ArgumentParser

/// `--size`: a frame's width and height in pixels, "WIDTHxHEIGHT". Which sizes the renderer
/// draws is its own check.
struct FrameSize: ParsedValue, Equatable {
    let width: Int
    let height: Int

    init(parsing text: String) throws {
        let wh = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard wh.count == 2, let w = Int(wh[0]), let h = Int(wh[1]) else {
            throw ValidationError("not WIDTHxHEIGHT; write e.g. 1000x600")
        }
        (width, height) = (w, h)
    }
}
