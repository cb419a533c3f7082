import ArgumentParser
import GMMRender

/// `--bounds`: the data window, "xmin,xmax,ymin,ymax" or "auto". Whether the window is a
/// window (finite, min below max) is the renderer's check.
struct WindowBounds: ParsedValue, Equatable {
    let bounds: RenderOptions.Bounds

    init(parsing text: String) throws {
        if text.lowercased() == "auto" {
            bounds = .auto
            return
        }
        let v = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard v.count == 4, let x0 = v[0], let x1 = v[1], let y0 = v[2], let y1 = v[3] else {
            throw ValidationError("not 'xmin,xmax,ymin,ymax' or 'auto'; write e.g. -10,10,-10,10")
        }
        bounds = .fixed(xmin: x0, xmax: x1, ymin: y0, ymax: y1)
    }
}
