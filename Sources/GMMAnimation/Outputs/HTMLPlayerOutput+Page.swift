import Foundation
import GMMRender

extension HTMLPlayerOutput {
    /// The radius, in logical pixels, within which a click picks the nearest data point.
    static let pickRadius = 8.0

    /// The page up to the first frame image — the policy, the title, the data's description and
    /// the stage with the frame's canvas, in which the frame images follow — and the part after
    /// the stage: the controls, the readouts and the point panel.
    ///
    /// The frame images sit inside the stage, and the first, frame 0 whole, is shown there by
    /// the style sheet alone under the canvas: the page shows its first frame as soon as that
    /// image decodes, before any script runs (a headless screenshot taken at load, a slow
    /// machine, a viewer with scripts off), and the script then paints the canvas over it.
    ///
    /// The page shows its title once: above the frames when they have none, otherwise only in
    /// the frames, which draw it (and in the window's title).
    func head(_ facts: AnimationFacts) throws -> (top: String, afterStage: String) {
        let history = facts.history
        let title = facts.title.isEmpty ? "gmmviz" : facts.title
        let heading = facts.title.isEmpty ? "<h1 id=\"title\">\(HTMLText.escaped(title))</h1>\n" : ""
        let policy = "default-src 'none'; img-src data:; style-src \(HTMLText.cspHash(PlayerScript.style)); "
            + "script-src \(HTMLText.cspHash(PlayerScript.script)); base-uri 'none'; form-action 'none'"
        let firstFrame = try facts.frame(0, contents: [])
        let first = firstFrame.entry
        let count = facts.pointCount
        let pointNote = includesPointData
            ? "Click a data point to see its responsibilities for each component at the current frame."
            : "This fit has \(count) points, more than the \(self.options.pointLimit) whose responsibilities a page embeds, so clicking a point shows nothing here. Render fewer points (or the frames as PNG) to inspect them one by one."
        let hasEM = Self.hasEMSteps(facts.timeline)
        var about = [String]()
        if let source = self.options.sourceName, !source.isEmpty { about.append(source) }
        about.append("\(count) point\(count == 1 ? "" : "s")")
        about.append("columns \(facts.axisLabels.x), \(facts.axisLabels.y)")
        about.append("\(history.components) component\(history.components == 1 ? "" : "s") (\(history.covarianceType) covariances)")
        about.append("\(history.iterations) iteration\(history.iterations == 1 ? "" : "s")\(history.converged ? ", converged" : "")")
        return ("""
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
        \(heading)<p id="source" class="muted">\(HTMLText.escaped(about.joined(separator: " · ")))</p>
        <div id="stage" class="stage">
        <canvas id="screen" width="\(facts.size.deviceWidth)" height="\(facts.size.deviceHeight)" role="img" aria-label="\(HTMLText.escaped(facts.timeline.label(first.content)))"></canvas>
        <div id="marker" hidden></div>
        <div id="sources">

        """, """
        <div id="controls" class="controls" role="toolbar" aria-label="Playback">
        <button id="first" type="button" title="First frame (Home)" aria-label="First frame">|◀</button>
        <button id="prev" type="button" title="Step back (← or Page Up)" aria-label="Step back">◀</button>
        <button id="play" type="button" title="Play or pause (Space)" aria-pressed="false">Play</button>
        <button id="next" type="button" title="Step forward (→ or Page Down)" aria-label="Step forward">▶</button>
        <button id="last" type="button" title="Last frame (End)" aria-label="Last frame">▶|</button>
        <input id="scrub" type="range" min="0" max="\(facts.frameCount - 1)" value="0" step="1" aria-label="Frame">
        <label>Speed <select id="speed" aria-label="Speed"><option value="0.5">0.5×</option><option value="1" selected>1×</option><option value="2">2×</option><option value="4">4×</option></select></label>
        <label id="em-toggle" title="Step through E-steps and M-steps, or whole iterations"\(hasEM ? "" : " hidden")><input id="em" type="checkbox" checked> E/M steps</label>
        </div>
        <p id="readout" aria-live="polite"><strong id="step">\(HTMLText.escaped(facts.timeline.label(first.content)))</strong> · mean log-likelihood <span id="ll">\(Self.formatLogLikelihood(firstFrame.logLikelihood))</span> · frame <span id="frame-no">1 / \(facts.frameCount)</span></p>
        <section id="point-panel" class="panel" aria-live="polite">
        <h2>Responsibilities</h2>
        <p id="point-note" class="muted">\(HTMLText.escaped(pointNote))</p>
        <table id="resp"><tbody id="resp-body"></tbody></table>
        </section>

        """)
    }

    /// The page after the last frame image: the end of the stage, `afterStage` (see
    /// ``head(_:)``), the data and the script.
    func tail(_ facts: AnimationFacts, afterStage: String) throws -> String {
        return """
        </div>
        </div>
        \(afterStage)
        <p class="muted">Keys: <kbd>←</kbd> <kbd>→</kbd> or <kbd>Page Up</kbd> <kbd>Page Down</kbd> step, <kbd>Space</kbd> plays and pauses, <kbd>Home</kbd> <kbd>End</kbd> jump. Made by gmmviz.</p>
        </main>
        <script type="application/json" id="gmmviz-data">\(try dataJSON(facts))</script>
        <script>\(PlayerScript.script)</script>
        </body>
        </html>

        """
    }

    /// Everything the script needs, as one JSON object (safe inside `<script>`: see
    /// ``HTMLText/jsonString(_:)``).
    private func dataJSON(_ facts: AnimationFacts) throws -> String {
        let colors = facts.componentColors.map { HTMLText.jsonString(String(format: "#%06x", $0 & 0xFFFFFF)) }
        let size = facts.size
        var members = [
            "\"width\":\(size.width)", "\"height\":\(size.height)", "\"count\":\(facts.pointCount)",
            "\"deviceWidth\":\(size.deviceWidth)", "\"deviceHeight\":\(size.deviceHeight)",
            "\"colors\":[\(colors.joined(separator: ","))]",
            "\"axes\":[\(HTMLText.jsonString(facts.axisLabels.x)),\(HTMLText.jsonString(facts.axisLabels.y))]",
            "\"em\":\(Self.hasEMSteps(facts.timeline))", "\"pickRadius\":\(Self.pickRadius)",
        ]
        if includesPointData {
            // The points sit where the first frame placed them on every frame: the window is
            // fixed over an animation.
            guard let placed = try facts.frame(0, contents: .placedPoints).rendered.placedPoints else {
                throw AnimationOutputState.missing("point placement", output: "HTMLPlayerOutput")
            }
            var pixels = [String](), coords = [String]()
            pixels.reserveCapacity(placed.positions.count * 2)
            coords.reserveCapacity(placed.positions.count * 2)
            for (p, q) in zip(placed.coordinates, placed.positions) {
                // A point outside the plot is not drawn, so it cannot be clicked: park it far away.
                pixels.append(q.map { String(Int(($0.x * 10).rounded())) } ?? "-1000000")
                pixels.append(q.map { String(Int(($0.y * 10).rounded())) } ?? "-1000000")
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

    /// Whether the timeline shows E-steps and M-steps as frames of their own.
    static func hasEMSteps(_ timeline: Timeline) -> Bool {
        timeline.frames.contains { if case .eStep = $0.content { return true } else { return false } }
    }

    /// One frame's readout as JSON members: label (``Timeline/label(_:)``, the words its
    /// header draws), log-likelihood text (of the model drawn), delay (1/100 s), whether
    /// stepping stops there, and whether it is an E-step.
    static func frameFields(entry: Timeline.Frame, label: String, logLikelihood: Double?) -> String {
        var isEStep = false
        if case .eStep = entry.content { isEStep = true }
        return "\"label\":\(HTMLText.jsonString(label)),"
            + "\"ll\":\(HTMLText.jsonString(formatLogLikelihood(logLikelihood))),\"delay\":\(entry.delay),"
            + "\"key\":\(entry.content.isKeyFrame),\"e\":\(isEStep)"
    }

    /// The mean log-likelihood as the readout shows it, to five decimals (the header's
    /// precision and more) with a true minus sign as the frames print it, or "unknown".
    static func formatLogLikelihood(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "unknown" }
        let text = String(format: "%.5f", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A data coordinate for the point readout: six significant digits, `null` if not finite.
    static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.6g", value) : "null"
    }
}
