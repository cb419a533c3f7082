import Foundation
import GMMRender

extension HTMLPlayerOutput {
    /// The radius, in logical pixels, within which a click picks the nearest data point.
    static let pickRadius = 8.0

    /// The page up to the first frame image: the policy, the title, the data's description, the
    /// frame's canvas, the controls, the readouts and the point panel.
    func head(_ context: AnimationContext) throws -> String {
        let options = context.renderer.options
        let builder = context.builder
        let history = builder.history
        let title = options.title.isEmpty ? "gmmviz" : options.title
        let policy = "default-src 'none'; img-src data:; style-src \(HTMLText.cspHash(PlayerScript.style)); "
            + "script-src \(HTMLText.cspHash(PlayerScript.script)); base-uri 'none'; form-action 'none'"
        let scene = try context.scene(ofFrame: 0)
        let first = context.timeline.frames[0]
        let count = builder.points.count
        let pointNote = includesPointData
            ? "Click a data point to see its responsibilities for each component at the current frame."
            : "This fit has \(count) points, more than the \(self.options.pointLimit) whose responsibilities a page embeds, so clicking a point shows nothing here. Render fewer points (or the frames as PNG) to inspect them one by one."
        let hasEM = context.timeline.frames.contains { if case .eStep = $0.content { return true } else { return false } }
        var facts = [String]()
        if let source = self.options.sourceName, !source.isEmpty { facts.append(source) }
        facts.append("\(builder.points.count) point\(builder.points.count == 1 ? "" : "s")")
        facts.append("columns \(scene.axisLabels.x), \(scene.axisLabels.y)")
        facts.append("\(history.components) component\(history.components == 1 ? "" : "s") (\(history.covarianceType) covariances)")
        facts.append("\(history.iterations) iteration\(history.iterations == 1 ? "" : "s")\(history.converged ? ", converged" : "")")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="gmmviz">
        <title>\(HTMLText.escaped(title))</title>
        <style>\(PlayerScript.style)</style>
        </head>
        <body>
        <main>
        <h1 id="title">\(HTMLText.escaped(title))</h1>
        <p id="source" class="muted">\(HTMLText.escaped(facts.joined(separator: " · ")))</p>
        <div id="stage" class="stage">
        <canvas id="screen" width="\(options.deviceWidth)" height="\(options.deviceHeight)" role="img" aria-label="\(HTMLText.escaped(first.content.label))"></canvas>
        <div id="marker" hidden></div>
        </div>
        <div id="controls" class="controls" role="toolbar" aria-label="Playback">
        <button id="first" type="button" title="First frame (Home)" aria-label="First frame">|◀</button>
        <button id="prev" type="button" title="Step back (← or Page Up)" aria-label="Step back">◀</button>
        <button id="play" type="button" title="Play or pause (Space)" aria-pressed="false">Play</button>
        <button id="next" type="button" title="Step forward (→ or Page Down)" aria-label="Step forward">▶</button>
        <button id="last" type="button" title="Last frame (End)" aria-label="Last frame">▶|</button>
        <input id="scrub" type="range" min="0" max="\(context.timeline.frames.count - 1)" value="0" step="1" aria-label="Frame">
        <label>Speed <select id="speed" aria-label="Speed"><option value="0.5">0.5×</option><option value="1" selected>1×</option><option value="2">2×</option><option value="4">4×</option></select></label>
        <label id="em-toggle" title="Step through E-steps and M-steps, or whole iterations"\(hasEM ? "" : " hidden")><input id="em" type="checkbox" checked> E/M steps</label>
        </div>
        <p id="readout" aria-live="polite"><strong id="step">iteration \(first.content.iteration) of \(scene.iterationCount)</strong><span id="phase">\(Self.phase(first.content).map { " (" + HTMLText.escaped($0) + ")" } ?? "")</span> · mean log-likelihood <span id="ll">\(Self.formatLogLikelihood(scene.logLikelihood))</span> · frame <span id="frame-no">1 / \(context.timeline.frames.count)</span></p>
        <section id="point-panel" class="panel" aria-live="polite">
        <h2>Responsibilities</h2>
        <p id="point-note" class="muted">\(HTMLText.escaped(pointNote))</p>
        <table id="resp"><tbody id="resp-body"></tbody></table>
        </section>
        <div id="sources" hidden>

        """
    }

    /// The page after the last frame image: the data and the script.
    func tail(_ context: AnimationContext) throws -> String {
        let scene = try context.scene(ofFrame: 0)
        let hasEM = context.timeline.frames.contains { if case .eStep = $0.content { return true } else { return false } }
        return """
        </div>
        <p class="muted">Keys: <kbd>←</kbd> <kbd>→</kbd> or <kbd>Page Up</kbd> <kbd>Page Down</kbd> step, <kbd>Space</kbd> plays and pauses, <kbd>Home</kbd> <kbd>End</kbd> jump. Made by gmmviz.</p>
        </main>
        <script type="application/json" id="gmmviz-data">\(try dataJSON(context, scene: scene, hasEM: hasEM))</script>
        <script>\(PlayerScript.script)</script>
        </body>
        </html>

        """
    }

    /// Everything the script needs, as one JSON object (safe inside `<script>`: see
    /// ``HTMLText/jsonString(_:)``).
    private func dataJSON(_ context: AnimationContext, scene: Scene, hasEM: Bool) throws -> String {
        let options = context.renderer.options
        let palette = RenderPalette(theme: options.theme)
        let colors = palette.colors(forComponents: context.builder.history.components)
            .map { HTMLText.jsonString(String(format: "#%06x", $0 & 0xFFFFFF)) }
        var members = [
            "\"width\":\(options.width)", "\"height\":\(options.height)", "\"count\":\(scene.points.count)",
            "\"deviceWidth\":\(options.deviceWidth)", "\"deviceHeight\":\(options.deviceHeight)",
            "\"colors\":[\(colors.joined(separator: ","))]",
            "\"axes\":[\(HTMLText.jsonString(scene.axisLabels.x)),\(HTMLText.jsonString(scene.axisLabels.y))]",
            "\"em\":\(hasEM)", "\"pickRadius\":\(Self.pickRadius)",
        ]
        if includesPointData {
            let layout = try context.renderer.layout(for: scene)
            var pixels = [String](), coords = [String]()
            pixels.reserveCapacity(scene.points.count * 2)
            coords.reserveCapacity(scene.points.count * 2)
            for p in scene.points {
                let q = layout.transform.pixel(p)
                let inside = q.isFinite && q.x >= layout.plot.x && q.x <= layout.plot.maxX && q.y >= layout.plot.y && q.y <= layout.plot.maxY
                // A point outside the plot is not drawn, so it cannot be clicked: park it far away.
                pixels.append(inside ? String(Int((q.x * 10).rounded())) : "-1000000")
                pixels.append(inside ? String(Int((q.y * 10).rounded())) : "-1000000")
                coords.append(Self.number(p.x))
                coords.append(Self.number(p.y))
            }
            members.append("\"points\":[\(pixels.joined(separator: ","))]")
            members.append("\"coords\":[\(coords.joined(separator: ","))]")
        } else {
            members.append("\"points\":null")
            members.append("\"coords\":null")
        }
        members.append("\"tables\":[\(tables.joined(separator: ","))]")
        members.append("\"frames\":[\(frameEntries.joined(separator: ",\n"))]")
        return "{" + members.joined(separator: ",\n") + "}"
    }

    /// One frame's readout as JSON members: label, iteration (the one an E- or M-step belongs
    /// to), iteration count, log-likelihood text (of the model drawn), delay (1/100 s), whether
    /// stepping stops there, and whether it is an E-step.
    static func frameFields(entry: Timeline.Frame, scene: Scene) -> String {
        var isEStep = false
        if case .eStep = entry.content { isEStep = true }
        return "\"label\":\(HTMLText.jsonString(entry.content.label)),\"it\":\(entry.content.iteration),\"of\":\(scene.iterationCount),"
            + "\"ll\":\(HTMLText.jsonString(formatLogLikelihood(scene.logLikelihood))),\"delay\":\(entry.delay),"
            + "\"key\":\(entry.content.isKeyFrame),\"e\":\(isEStep),\"phase\":\(HTMLText.jsonString(phase(entry.content) ?? ""))"
    }

    /// What the frame shows besides the plain model of its iteration, for the readout.
    static func phase(_ content: Timeline.Content) -> String? {
        switch content {
        case .initial, .snapshot(0): return "initial model"
        case .snapshot: return nil
        case .eStep: return "E-step: points recoloured"
        case .mStep: return "M-step: ellipses moved"
        case let .tween(_, b, f): return "moving to iteration \(b), \(Int((f * 100).rounded())) %"
        }
    }

    /// The mean log-likelihood as the readout shows it, to five decimals (the header's
    /// precision and more), or "unknown".
    static func formatLogLikelihood(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "unknown" }
        return String(format: "%.5f", value)
    }

    /// A data coordinate for the point readout: six significant digits, `null` if not finite.
    static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.6g", value) : "null"
    }
}
