import ArgumentParser
import Foundation

/// The `gmmviz` command: fit Gaussian mixtures by EM and draw every step.
@main
struct GMMViz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gmmviz",
        abstract: "Fit Gaussian mixture models by EM and turn every step into a picture.",
        discussion: """
        With no data, every command uses the built-in demo: three blobs of 100 points around \
        (2, 4), (−5, 3) and (0, −4), fitted from the means (−5, −5), (0, −5) and (0, 5), as in \
        the notebook gmmviz grew from.

        Examples:
          gmmviz render                                # the demo → output/comb.gif
          gmmviz render --steps em --frames-dir frames # E/M frames for slides
          gmmviz fit --history output/history.json
          gmmviz generate --means "2,4;-5,3;0,-4" --count 100 --out blobs.csv
          gmmviz render --data blobs.csv -k 3 --bounds auto
          gmmviz select --data blobs.csv --k 1...8 --chart bic.png
        """,
        version: "0.1.0",
        subcommands: [Render.self, Fit.self, Select.self, Generate.self]
    )

    /// Runs the command, turning every error into one line on standard error and a non-zero
    /// exit code — never a backtrace, never the usage block after a bad value.
    static func main() {
        Interrupts.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit { exit(withError: error) }
            let message = ErrorMessages.message(for: error) ?? Self.message(for: error)
            let oneLine = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            Terminal.error(oneLine.isEmpty ? "failed (\(error))" : oneLine)
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}
